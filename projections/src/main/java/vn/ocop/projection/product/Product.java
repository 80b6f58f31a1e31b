package vn.ocop.projection.product;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A product of the registry as a consuming service knows it (evaluation scores it, market lists it, monitoring inspects
 * and counts it), fed by {@code ProductRegistered} and {@code ProductUpdated}. {@code version} is the registry version
 * last applied (0 for the registration); {@code registeredAt} is null while only a correction has arrived.
 */
@Entity
public class Product extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    @Column(name = "product_set")
    public int productSet;
    @Column(name = "producer_id")
    public UUID producerId;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "commune_code")
    public String communeCode;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    public long version;
}
