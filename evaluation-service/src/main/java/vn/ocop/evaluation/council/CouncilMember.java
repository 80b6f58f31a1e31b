package vn.ocop.evaluation.council;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A seat on a council, bound to the member's account ({@code sub} of their token). */
@Entity
@Table(name = "council_member")
public class CouncilMember extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "council_id")
    public Council council;
    public String subject;
    @Column(name = "full_name")
    public String fullName;
    @Enumerated(EnumType.STRING)
    public MemberRole role;
}
