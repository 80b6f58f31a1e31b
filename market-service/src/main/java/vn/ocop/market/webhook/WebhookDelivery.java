package vn.ocop.market.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One notification to a channel or point of sale and its delivery attempts. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    /** Retries exhausted; the escalation list still shows the listing to the province. */
    public static final String GAVE_UP = "GAVE_UP";
    /** Not sent: the target address is not allowed (see {@link WebhookTargetPolicy}). */
    public static final String REFUSED = "REFUSED";

    @Id
    public UUID id;
    @Column(name = "listing_id")
    public UUID listingId;
    /** CHANNEL or POINT_OF_SALE. */
    @Column(name = "target_kind")
    public String targetKind;
    @Column(name = "target_id")
    public UUID targetId;
    public String url;
    @Column(name = "event_type")
    public String eventType;
    public String payload;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
