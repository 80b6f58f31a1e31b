package vn.ocop.events.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/**
 * Someone scanned (or looked up) a certificate that has ended (revoked, expired or superseded): packaging with a lapsed
 * OCOP label is probably still on sale. At most one per certificate per day, sent on the day's first such scan;
 * {@code scans} is that day's count when it was sent. Carries no personal data about who scanned.
 */
public record LapsedCertificateScanned(
        UUID certificateId,
        String certificateNumber,
        UUID productId,
        String productCode,
        String productName,
        String provinceCode,
        String status,
        LocalDate scannedOn,
        int scans,
        Instant scannedAt) implements IntegrationEvent {

    public LapsedCertificateScanned {
        Require.present(certificateId, "certificateId");
        Require.present(certificateNumber, "certificateNumber");
        Require.present(productId, "productId");
        Require.present(provinceCode, "provinceCode");
        Require.present(status, "status");
        Require.present(scannedOn, "scannedOn");
        Require.present(scannedAt, "scannedAt");
        if (scans < 1) {
            throw new IllegalArgumentException("scans must be at least 1");
        }
    }

    @Override
    public String aggregateKey() {
        return productId.toString();
    }

    @Override
    public String subject() {
        return "certificate/" + certificateNumber;
    }
}
