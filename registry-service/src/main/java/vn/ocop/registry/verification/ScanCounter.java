package vn.ocop.registry.verification;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.ocop.events.registry.LapsedCertificateScanned;
import vn.ocop.platform.outbox.Outbox;
import org.hibernate.query.NativeQuery;

/**
 * Counts verifications of a certificate per day (no personal data: neither who nor from where) and, on the first
 * scan of the day of a certificate that has ended, writes one {@link LapsedCertificateScanned} to the outbox: the
 * pack with the lapsed label is probably still on a shelf. Counting runs in its own short transaction and never
 * fails the scan: a shopper's answer matters more than a statistic.
 */
@ApplicationScoped
public class ScanCounter {
    private static final Logger LOG = Logger.getLogger(ScanCounter.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    public void record(CertificateFacts certificate) {
        try {
            QuarkusTransaction.requiringNew().timeout(2).run(() -> count(certificate));
        } catch (RuntimeException e) {
            LOG.warnf("Scan of certificate %s not counted: %s", certificate.number(), e.toString());
        }
    }

    private void count(CertificateFacts certificate) {
        // A slow or locked database must not hold the shopper's page.
        // Each native write names its table: unnamed, Hibernate empties the whole second-level cache (provinces,
        // communes) on every scan.
        entityManager.createNativeQuery("set local statement_timeout = 500")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("certificate_scan_day").executeUpdate();
        entityManager.createNativeQuery("""
                insert into certificate_scan_day (certificate_id, scanned_on, scans) values (?1, ?2, 1)
                on conflict (certificate_id, scanned_on) do update set scans = certificate_scan_day.scans + 1""")
                .setParameter(1, certificate.certificateId()).setParameter(2, certificate.checkedOn())
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("certificate_scan_day").executeUpdate();
        if (!certificate.lapsed()) {
            return;
        }
        // Only the update that flips the flag writes the event: one per certificate and day, even under concurrency.
        Number scans = (Number) entityManager.createNativeQuery("""
                update certificate_scan_day set lapsed_signalled = true
                where certificate_id = ?1 and scanned_on = ?2 and not lapsed_signalled returning scans""")
                .setParameter(1, certificate.certificateId()).setParameter(2, certificate.checkedOn())
                .getResultStream().findFirst().orElse(null);
        if (scans != null) {
            outbox.append(new LapsedCertificateScanned(certificate.certificateId(), certificate.number(),
                    certificate.productId(), certificate.productCode(), certificate.productName(),
                    certificate.provinceCode(), certificate.status().name(), certificate.checkedOn(), scans.intValue(),
                    Instant.now()));
        }
    }
}
