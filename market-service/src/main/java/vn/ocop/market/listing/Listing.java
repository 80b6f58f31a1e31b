package vn.ocop.market.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A certified product offered on a sales channel or at a point of sale (exactly one of the two). */
@Entity
public class Listing extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "producer_id")
    public UUID producerId;
    @Column(name = "province_code")
    public String provinceCode;
    @Column(name = "product_code")
    public String productCode;
    @Column(name = "channel_id")
    public UUID channelId;
    @Column(name = "point_of_sale_id")
    public UUID pointOfSaleId;
    /** The certificate whose stars and number the listing shows. */
    @Column(name = "certificate_id")
    public UUID certificateId;
    @Column(name = "external_sku")
    public String externalSku;
    @Column(name = "external_url")
    public String externalUrl;
    @Column(name = "price_vnd")
    public long priceVnd;
    @Column(name = "listed_since")
    public LocalDate since;
    @Enumerated(EnumType.STRING)
    public ListingStatus status;
    @Column(name = "suspended_at")
    public Instant suspendedAt;
    /** REVOKED or EXPIRED: why the certificate ended. */
    @Column(name = "suspension_reason")
    public String suspensionReason;
    @Column(name = "suspended_certificate_id")
    public UUID suspendedCertificateId;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** The outlet's id: the channel or the point of sale. Its operator's channel_id claim holds this id. */
    public UUID outletId() {
        return channelId != null ? channelId : pointOfSaleId;
    }
}
