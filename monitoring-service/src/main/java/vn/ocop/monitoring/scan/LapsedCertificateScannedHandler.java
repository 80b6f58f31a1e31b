package vn.ocop.monitoring.scan;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import vn.ocop.events.registry.LapsedCertificateScanned;
import vn.ocop.platform.inbox.EventContext;
import vn.ocop.platform.inbox.EventHandler;

/**
 * Records a day on which an ended certificate was still scanned. The inbox drops a redelivered event; the upsert
 * keeps the same fact sent again under another event id to one row (with the higher count, the later status).
 */
@ApplicationScoped
public class LapsedCertificateScannedHandler implements EventHandler<LapsedCertificateScanned> {

    @Inject
    EntityManager entityManager;

    @Override
    public Class<LapsedCertificateScanned> eventClass() {
        return LapsedCertificateScanned.class;
    }

    @Override
    public void handle(LapsedCertificateScanned event, EventContext context) {
        entityManager.createNativeQuery("""
                insert into lapsed_scan_day (certificate_id, scanned_on, certificate_number, product_id, product_code,
                                             product_name, province_code, status, scans, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (certificate_id, scanned_on) do update
                set scans = greatest(lapsed_scan_day.scans, excluded.scans), status = excluded.status""")
                .unwrap(NativeQuery.class)
                .setParameter(1, event.certificateId())
                .setParameter(2, event.scannedOn())
                .setParameter(3, event.certificateNumber())
                .setParameter(4, event.productId())
                .setParameter(5, event.productCode(), String.class) // typed: PostgreSQL cannot type an untyped null
                .setParameter(6, event.productName(), String.class)
                .setParameter(7, event.provinceCode())
                .setParameter(8, event.status())
                .setParameter(9, event.scans())
                .setParameter(10, Instant.now())
                .executeUpdate();
    }
}
