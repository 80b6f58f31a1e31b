package vn.ocop.registry.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The registry's copy of a certificate issued by evaluation, with what monitoring later decided about it. A row may
 * exist before its CertificateIssued arrives (a revocation, expiry or superseding certificate seen first): then
 * {@link #issued} is false and the issue data are still missing.
 */
@Entity
public class Certificate extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "product_code")
    public String productCode;
    @Column(name = "producer_id")
    public UUID producerId;
    @Column(name = "province_code")
    public String provinceCode;
    public Integer stars;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "decision_number")
    public String decisionNumber;
    @Column(name = "criteria_set_version")
    public String criteriaSetVersion;
    @Column(name = "supersedes_id")
    public UUID supersedesId;
    @Column(name = "issued_at")
    public Instant issuedAt;
    public boolean issued;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    public boolean expired;
    @Column(name = "expired_at")
    public Instant expiredAt;
    public boolean revoked;
    @Column(name = "revocation_ground")
    public String revocationGround;
    @Column(name = "revocation_decision")
    public String revocationDecision;
    @Column(name = "revoked_on")
    public LocalDate revokedOn;
    @Enumerated(EnumType.STRING)
    public CertificateStatus status;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    void recomputeStatus() {
        status = CertificateStatus.of(revoked, expired, supersededBy != null);
    }

    /** True when this certificate was issued before {@code other} (issue date, then issue instant). */
    boolean issuedBefore(Certificate other) {
        int byDate = issuedOn.compareTo(other.issuedOn);
        if (byDate != 0) {
            return byDate < 0;
        }
        return issuedAt.isBefore(other.issuedAt);
    }
}
