package vn.ocop.market.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * A certificate known from CertificateIssued / CertificateRevoked / CertificateExpired. The transition rules live here
 * as small methods so that every handler applies the same state machine whatever order the events arrive in.
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
    @Column(name = "supersedes_id")
    public UUID supersedesId;
    @Enumerated(EnumType.STRING)
    public CertificateStatus status;
    @Column(name = "ended_reason")
    public String endedReason;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    /** False while the row only exists because a revocation, expiry or successor arrived before the issue itself. */
    @Column(name = "issue_received")
    public boolean issueReceived;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The certificate that currently gives the product the right to the OCOP mark, if any. */
    public static Certificate activeFor(UUID productId, LocalDate today) {
        List<Certificate> active = find("productId = ?1 and status = ?2 and validUntil >= ?3",
                Sort.descending("issuedOn").and("id"), productId, CertificateStatus.ACTIVE, today).list();
        return active.isEmpty() ? null : active.get(0);
    }

    /** Any certificate of the product (the newest first): tells the market the product's province and producer. */
    public static Certificate anyFor(UUID productId) {
        return find("productId = ?1 and producerId is not null", Sort.descending("updatedAt").and("id"), productId).firstResult();
    }

    /**
     * Ends the certificate (revocation or expiry). Returns false when the lifecycle does not let it move there (a
     * duplicate, or an expiry after a revocation); a revocation still overrides an expiry, whichever came first.
     */
    boolean end(CertificateStatus terminal, String reason, LocalDate on, Instant now) {
        if (status != null && !status.mayBecome(terminal)) {
            return false;
        }
        status = terminal;
        endedReason = reason;
        endedOn = on;
        updatedAt = now;
        return true;
    }

    /**
     * Marks the certificate as replaced by a re-rating. Only an active (or not yet seen) certificate becomes
     * SUPERSEDED; an ended one stays ended.
     */
    boolean supersede(Instant now) {
        if (status == null || status.mayBecome(CertificateStatus.SUPERSEDED)) {
            status = CertificateStatus.SUPERSEDED;
            updatedAt = now;
            return true;
        }
        return false;
    }
}
