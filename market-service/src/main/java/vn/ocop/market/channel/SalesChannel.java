package vn.ocop.market.channel;

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

/** A sales channel: an e-commerce platform or a retail chain, run by one operator account (claim channel_id = id). */
@Entity
@Table(name = "sales_channel")
public class SalesChannel extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public ChannelKind kind;
    public String website;
    @Column(name = "operator_name")
    public String operatorName;
    @Embedded
    public NotificationEndpoint endpoint;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
