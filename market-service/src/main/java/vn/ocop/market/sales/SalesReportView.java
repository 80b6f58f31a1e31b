package vn.ocop.market.sales;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SalesReport")
public record SalesReportView(UUID id, UUID listingId, String period, long quantity, long revenueVnd, String reportedBy,
                              Instant reportedAt, long version) {
    static SalesReportView of(SalesReport r) {
        return new SalesReportView(r.id, r.listingId, r.period, r.quantity, r.revenueVnd, r.reportedBy, r.reportedAt, r.version);
    }
}
