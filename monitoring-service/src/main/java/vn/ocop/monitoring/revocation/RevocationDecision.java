package vn.ocop.monitoring.revocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A revocation decision (quyết định thu hồi giấy chứng nhận): the certificates it names point back to it. */
@Entity
@Table(name = "revocation_decision")
public class RevocationDecision extends PanacheEntityBase {
    /** The ministry's authority for 5★ certificates; a province's is its code. */
    public static final String CENTRAL = "CENTRAL";

    @Id
    public UUID id;
    public String authority;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Enumerated(EnumType.STRING)
    public RevocationGround ground;
    @Column(name = "finding_on")
    public LocalDate findingOn;
    @Column(name = "deadline_on")
    public LocalDate deadlineOn;
    @Column(name = "decided_late")
    public boolean decidedLate;
    @Column(name = "inspection_id")
    public UUID inspectionId;
    public String reason;
    @Column(name = "certificate_count")
    public int certificateCount;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
