package vn.ocop.market.sales;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Volume and revenue of one listing in one month, as its outlet's operator reported them (latest report wins). */
@Entity
@Table(name = "sales_report")
public class SalesReport extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "listing_id")
    public UUID listingId;
    /** Calendar month, {@code YYYY-MM}. */
    public String period;
    public long quantity;
    @Column(name = "revenue_vnd")
    public long revenueVnd;
    @Column(name = "reported_by")
    public String reportedBy;
    @Column(name = "reported_at")
    public Instant reportedAt;
    @Version
    public long version;
}
