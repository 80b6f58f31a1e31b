package vn.ocop.registry.certification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.evaluation.ProductRated;
import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.time.LegalClock;
import org.hibernate.query.NativeQuery;

/**
 * Keeps the public certification status of products from evaluation's and monitoring's events. Every method is
 * idempotent and converges whatever the arrival order: facts are only ever added to a certificate, and its status is
 * derived from them ({@link CertificateStatus#of}). A newer certificate of the same product supersedes an older one,
 * whether it names it ({@code supersedesCertificateId}) or was simply issued later.
 */
@ApplicationScoped
public class CertificationProjection {

    @Inject
    LegalClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void issued(CertificateIssued event) {
        Certificate certificate = lock(event.certificateId(), event.productId());
        CertificateSnapshot before = snapshotOrNull(certificate);
        certificate.number = event.certificateNumber();
        certificate.productCode = event.productCode();
        certificate.producerId = event.producerId();
        certificate.provinceCode = event.provinceCode();
        certificate.stars = event.stars();
        certificate.issuedOn = event.issuedOn();
        certificate.validUntil = event.validUntil();
        certificate.decisionNumber = event.decisionNumber();
        certificate.criteriaSetVersion = event.criteriaSetVersion();
        certificate.supersedesId = event.supersedesCertificateId();
        certificate.issuedAt = event.issuedAt();
        certificate.issued = true;

        if (event.supersedesCertificateId() != null && !event.supersedesCertificateId().equals(certificate.id)) {
            Certificate older = lock(event.supersedesCertificateId(), event.productId());
            supersede(older, certificate);
        }
        List<Certificate> siblings = Certificate.<Certificate>list("productId = ?1 and issued = true and id <> ?2",
                event.productId(), certificate.id);
        for (Certificate sibling : siblings) {
            if (sibling.issuedBefore(certificate)) {
                supersede(lockExisting(sibling.id), certificate);
            } else if (certificate.supersededBy == null) {
                // This CertificateIssued is late: a newer certificate of the product is already known.
                certificate.supersededBy = sibling.id;
            }
        }
        save(certificate, before, "certificate.issued");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void revoked(CertificateRevoked event) {
        Certificate certificate = lock(event.certificateId(), event.productId());
        CertificateSnapshot before = snapshotOrNull(certificate);
        if (certificate.number == null) {
            certificate.number = event.certificateNumber();
        }
        if (certificate.provinceCode == null) {
            certificate.provinceCode = event.provinceCode();
        }
        certificate.revoked = true;
        certificate.revocationGround = event.ground();
        certificate.revocationDecision = event.decisionNumber();
        certificate.revokedOn = event.decidedOn();
        save(certificate, before, "certificate.revoked");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void expired(CertificateExpired event) {
        Certificate certificate = lock(event.certificateId(), event.productId());
        CertificateSnapshot before = snapshotOrNull(certificate);
        if (certificate.number == null) {
            certificate.number = event.certificateNumber();
        }
        if (certificate.provinceCode == null) {
            certificate.provinceCode = event.provinceCode();
        }
        if (certificate.validUntil == null) {
            certificate.validUntil = event.validUntil();
        }
        certificate.expired = true;
        certificate.expiredAt = event.expiredAt();
        save(certificate, before, "certificate.expired");
    }

    /** Keeps the most recent council result per product; a result rated earlier than the stored one is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rated(ProductRated event) {
        int changed = entityManager.createNativeQuery("""
                insert into product_rating (product_id, result_id, council_level, criteria_set_version, average_score, band,
                                            mandatory_level, stars, outcome, rated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (product_id) do update set result_id = excluded.result_id,
                    council_level = excluded.council_level, criteria_set_version = excluded.criteria_set_version,
                    average_score = excluded.average_score, band = excluded.band,
                    mandatory_level = excluded.mandatory_level, stars = excluded.stars, outcome = excluded.outcome,
                    rated_at = excluded.rated_at
                where product_rating.rated_at < excluded.rated_at""")
                .setParameter(1, event.productId()).setParameter(2, event.resultId())
                .setParameter(3, event.councilLevel()).setParameter(4, event.criteriaSetVersion())
                .setParameter(5, event.averageScore()).setParameter(6, event.band())
                .setParameter(7, event.mandatoryLevel()).setParameter(8, event.stars())
                .setParameter(9, event.outcome()).setParameter(10, event.ratedAt())
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("product_rating") // not the whole second-level cache
                .executeUpdate();
        if (changed > 0) {
            audit.record("product.rated", "product", event.productId(), null, event);
        }
    }

    /** The certification a product read shows: its newest certificate (any status) and its latest council result. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CertificationView currentFor(UUID productId) {
        Object[] rating = latestRating(productId);
        Certificate current = currentCertificate(productId);
        return CertificationView.of(current, rating == null ? null : (BigDecimal) rating[0],
                rating == null ? null : ((Number) rating[1]).intValue(),
                rating == null ? null : toInstant(rating[2]), clock.today());
    }

    /** The newest certificate of a product, whatever its status; null when it has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Certificate currentCertificate(UUID productId) {
        // A certificate seen only through a revocation has no dates yet; it sorts first because it can only be recent.
        // A row known only as "superseded by a newer one" (its own CertificateIssued still on its way) is never current.
        List<Certificate> newest = Certificate.find("productId = ?1 and (issued = true or revoked = true or expired = true) "
                + "order by validUntil desc nulls first, issuedAt desc nulls first", productId).page(0, 1).list();
        return newest.isEmpty() ? null : newest.get(0);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Certificate byNumber(String number) {
        return Certificate.find("number", number).firstResult();
    }

    private Object[] latestRating(UUID productId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select average_score, stars, rated_at from product_rating where product_id = ?1")
                .setParameter(1, productId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return null;
    }

    private void supersede(Certificate older, Certificate newer) {
        if (older.supersededBy != null) {
            return; // the first certificate that replaced it stays the one named
        }
        CertificateSnapshot before = snapshotOrNull(older);
        older.supersededBy = newer.id;
        save(older, before, "certificate.superseded");
    }

    /** Row for the certificate, created empty if this is the first event that names it, locked for this transaction. */
    private Certificate lock(UUID certificateId, UUID productId) {
        entityManager.createNativeQuery("""
                insert into certificate (id, product_id, status, updated_at) values (?1, ?2, 'ACTIVE', ?3)
                on conflict (id) do nothing""")
                .setParameter(1, certificateId).setParameter(2, productId).setParameter(3, Instant.now())
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("certificate") // not the whole second-level cache
                .executeUpdate();
        return lockExisting(certificateId);
    }

    private Certificate lockExisting(UUID certificateId) {
        return entityManager.find(Certificate.class, certificateId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static CertificateSnapshot snapshotOrNull(Certificate certificate) {
        // A row created a moment ago by lock() has seen no fact yet: audit it as a creation.
        boolean empty = !certificate.issued && !certificate.revoked && !certificate.expired && certificate.supersededBy == null;
        return empty ? null : CertificateSnapshot.of(certificate);
    }

    private void save(Certificate certificate, CertificateSnapshot before, String action) {
        certificate.recomputeStatus();
        CertificateSnapshot after = CertificateSnapshot.of(certificate);
        if (Objects.equals(before, after)) {
            return; // a repeated fact (redelivery under a new event id) changes nothing and is not audited again
        }
        certificate.updatedAt = Instant.now();
        audit.record(action, "certificate", certificate.id, before, after);
    }
}
