package vn.ocop.events.registry;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/** The province accepted a registration dossier (phiếu đăng ký): the product enters an evaluation round. */
public record ApplicationSubmitted(
        UUID applicationId,
        UUID productId,
        String productCode,
        UUID producerId,
        String provinceCode,
        int productSet,
        String kind,
        String currentCertificateNumber,
        Instant acceptedAt) implements IntegrationEvent {

    public ApplicationSubmitted {
        Require.present(applicationId, "applicationId");
        Require.present(productId, "productId");
        Require.present(productCode, "productCode");
        Require.present(producerId, "producerId");
        Require.present(provinceCode, "provinceCode");
        Require.present(kind, "kind");
        Require.present(acceptedAt, "acceptedAt");
    }

    @Override
    public String aggregateKey() {
        return productId.toString();
    }

    @Override
    public String subject() {
        return "application/" + applicationId;
    }
}
