package vn.ocop.events.market;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.events.IntegrationEvent;
import vn.ocop.events.Require;

/**
 * A point of introduction and sale of OCOP products (điểm giới thiệu và bán sản phẩm OCOP) changed status:
 * PROPOSED → APPROVED ⇄ SUSPENDED, any → CLOSED. One event for every transition (rather than one type per state)
 * because consumers only need the latest status; {@code changedAt} orders them. Key = the point of sale's id, its
 * aggregate, so one point's changes stay in order.
 */
public record PointOfSaleStatusChanged(
        UUID pointOfSaleId,
        String name,
        String provinceCode,
        String category,
        boolean modernChannel,
        String previousStatus,
        String status,
        Instant changedAt) implements IntegrationEvent {

    public PointOfSaleStatusChanged {
        Require.present(pointOfSaleId, "pointOfSaleId");
        Require.present(name, "name");
        Require.present(provinceCode, "provinceCode");
        Require.present(category, "category");
        Require.present(previousStatus, "previousStatus");
        Require.present(status, "status");
        Require.present(changedAt, "changedAt");
    }

    @Override
    public String aggregateKey() {
        return pointOfSaleId.toString();
    }

    @Override
    public String subject() {
        return "point-of-sale/" + pointOfSaleId;
    }
}
