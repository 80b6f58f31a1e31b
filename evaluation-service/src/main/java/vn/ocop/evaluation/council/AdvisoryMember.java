package vn.ocop.evaluation.council;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member of the council's advisory team (tổ tư vấn: dossier review, site visits, extra lab tests, report to the
 * chair). Not a council seat: advisers do not score and need no account.
 */
@Entity
@Table(name = "advisory_member")
public class AdvisoryMember extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "council_id")
    public Council council;
    public int position;
    public String name;
    public String organisation;
}
