package vn.ocop.monitoring.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.ocop.rules.ProgrammeRules;
import vn.ocop.rules.ReRatingWindow;

/**
 * A certificate in the register, from evaluation's CertificateIssued. {@code issued} is false while only a
 * superseding certificate has named it (its own CertificateIssued is still on its way).
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
    @Column(name = "superseded_by_id")
    public UUID supersededById;
    public boolean issued;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Enumerated(EnumType.STRING)
    public CertificateStatus status;
    @Column(name = "next_milestone_on")
    public LocalDate nextMilestoneOn;
    @Column(name = "expired_on")
    public LocalDate expiredOn;
    @Column(name = "revoked_on")
    public LocalDate revokedOn;
    @Column(name = "revocation_id")
    public UUID revocationId;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public static Certificate lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static Certificate byNumber(String number) {
        return find("number", number).firstResult();
    }

    /**
     * The re-rating filing window (QĐ 26/2026 Điều 7) of the rules in force on the issue date; null without an end date.
     * {@code rules} is the injected bean, so configured versions apply here too.
     */
    public ReRatingWindow reRatingWindow(ProgrammeRules rules) {
        return validUntil == null ? null : rules.reRatingWindow(issuedOn, validUntil);
    }
}
