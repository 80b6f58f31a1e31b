package vn.ocop.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.ocop.events.evaluation.CertificateIssued;
import vn.ocop.events.evaluation.FiveStarNominated;
import vn.ocop.events.evaluation.ProductRated;
import vn.ocop.events.market.ListingCreated;
import vn.ocop.events.market.ListingReinstated;
import vn.ocop.events.market.ListingSuspended;
import vn.ocop.events.market.PointOfSaleStatusChanged;
import vn.ocop.events.monitoring.CertificateExpired;
import vn.ocop.events.monitoring.CertificateExpiring;
import vn.ocop.events.monitoring.CertificateRevoked;
import vn.ocop.events.monitoring.InspectionCompleted;
import vn.ocop.events.registry.ApplicationSubmitted;
import vn.ocop.events.registry.ApplicationWithdrawn;
import vn.ocop.events.registry.LapsedCertificateScanned;
import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.events.registry.ProducerUpdated;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.events.registry.ProductUpdated;

/**
 * The catalogue of integration events: name (the CloudEvents {@code ce_type}), record class, the topic it is
 * published on and its schema version. Additive changes keep the version; a breaking change is a new version.
 */
public enum EventType {
    PRODUCER_REGISTERED(ProducerRegistered.class, Topics.REGISTRY, 1),
    PRODUCT_REGISTERED(ProductRegistered.class, Topics.REGISTRY, 1),
    PRODUCER_UPDATED(ProducerUpdated.class, Topics.REGISTRY, 1),
    PRODUCT_UPDATED(ProductUpdated.class, Topics.REGISTRY, 1),
    APPLICATION_SUBMITTED(ApplicationSubmitted.class, Topics.REGISTRY, 1),
    APPLICATION_WITHDRAWN(ApplicationWithdrawn.class, Topics.REGISTRY, 1),
    LAPSED_CERTIFICATE_SCANNED(LapsedCertificateScanned.class, Topics.REGISTRY, 1),
    PRODUCT_RATED(ProductRated.class, Topics.EVALUATION, 1),
    FIVE_STAR_NOMINATED(FiveStarNominated.class, Topics.EVALUATION, 1),
    CERTIFICATE_ISSUED(CertificateIssued.class, Topics.EVALUATION, 1),
    CERTIFICATE_REVOKED(CertificateRevoked.class, Topics.MONITORING, 1),
    CERTIFICATE_EXPIRED(CertificateExpired.class, Topics.MONITORING, 1),
    CERTIFICATE_EXPIRING(CertificateExpiring.class, Topics.MONITORING, 1),
    INSPECTION_COMPLETED(InspectionCompleted.class, Topics.MONITORING, 1),
    LISTING_SUSPENDED(ListingSuspended.class, Topics.MARKET, 1),
    LISTING_REINSTATED(ListingReinstated.class, Topics.MARKET, 1),
    LISTING_CREATED(ListingCreated.class, Topics.MARKET, 1),
    POINT_OF_SALE_STATUS_CHANGED(PointOfSaleStatusChanged.class, Topics.MARKET, 1);

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::eventName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final Class<? extends IntegrationEvent> recordClass;
    private final String topic;
    private final int schemaVersion;

    EventType(Class<? extends IntegrationEvent> recordClass, String topic, int schemaVersion) {
        this.recordClass = recordClass;
        this.topic = topic;
        this.schemaVersion = schemaVersion;
    }

    /** The CloudEvents type, e.g. {@code ProductRegistered}. */
    public String eventName() {
        return recordClass.getSimpleName();
    }

    public Class<? extends IntegrationEvent> recordClass() {
        return recordClass;
    }

    public String topic() {
        return topic;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The CloudEvents {@code dataschema}: names the JSON Schema shipped in this module. */
    public URI dataSchema() {
        return URI.create("urn:ocop:events:" + eventName() + ":v" + schemaVersion);
    }

    /** Classpath location of the JSON Schema for this event. */
    public String schemaResource() {
        return "/vn/ocop/events/schemas/" + eventName() + ".v" + schemaVersion + ".json";
    }

    public static Optional<EventType> byName(String eventName) {
        return Optional.ofNullable(BY_NAME.get(eventName));
    }

    public static EventType of(IntegrationEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not in the event catalogue");
        }
        return type;
    }
}
