package vn.ocop.evaluation.council;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's declared conflict of interest with a producer: they may not score that producer's products. */
@Entity
@Table(name = "conflict_declaration")
public class ConflictDeclaration extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "council_id")
    public UUID councilId;
    @Column(name = "member_subject")
    public String memberSubject;
    @Column(name = "producer_id")
    public UUID producerId;
    public String reason;
    @Column(name = "declared_at")
    public Instant declaredAt;
    @Column(name = "declared_by")
    public String declaredBy;

    public static boolean declared(UUID councilId, String memberSubject, UUID producerId) {
        return count("councilId = ?1 and memberSubject = ?2 and producerId = ?3", councilId, memberSubject, producerId) > 0;
    }
}
