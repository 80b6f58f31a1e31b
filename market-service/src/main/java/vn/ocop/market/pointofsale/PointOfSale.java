package vn.ocop.market.pointofsale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import vn.ocop.market.webhook.NotificationEndpoint;

/** A point of introduction and sale of OCOP products, managed by its province; its operator's claim channel_id = id. */
@Entity
@Table(name = "point_of_sale")
public class PointOfSale extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public LocationCategory category;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "commune_code")
    public String communeCode;
    @Column(name = "operator_name")
    public String operatorName;
    public String address;
    public BigDecimal latitude;
    public BigDecimal longitude;
    @Column(name = "opening_hours")
    public String openingHours;
    @Enumerated(EnumType.STRING)
    public PointOfSaleStatus status;
    @Embedded
    public NotificationEndpoint endpoint;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
