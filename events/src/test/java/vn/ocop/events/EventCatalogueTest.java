package vn.ocop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

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
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.events.registry.ProductUpdated;
import vn.ocop.events.registry.ProducerUpdated;

class EventCatalogueTest {

    private static final UUID PRODUCER = UUID.fromString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001");
    private static final UUID PRODUCT = UUID.fromString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a002");

    /** One realistic sample per catalogued event: a new event type fails this test until it gets a sample. */
    private static final UUID CERTIFICATE = UUID.fromString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a003");
    private static final UUID RESULT = UUID.fromString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a004");
    private static final UUID APPLICATION = UUID.fromString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a005");
    private static final UUID LISTING = UUID.fromString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a006");
    private static final UUID POINT = UUID.fromString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a007");
    private static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");
    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);

    /** One realistic sample per catalogued event: a new event type fails this test until it gets a sample. */
    private static final Map<EventType, IntegrationEvent> SAMPLES = Map.ofEntries(
            Map.entry(EventType.PRODUCER_REGISTERED, new ProducerRegistered(PRODUCER, "HTX Nông nghiệp Lý Sơn", "COOPERATIVE",
                    "4300123456", "51", "21040", "FEMALE", false, AT)),
            Map.entry(EventType.PRODUCT_REGISTERED, new ProductRegistered(PRODUCT, "51-21040-1-2026", "Tỏi Lý Sơn", 10,
                    PRODUCER, "51", "21040", AT)),
            Map.entry(EventType.PRODUCER_UPDATED, new ProducerUpdated(PRODUCER, "HTX Nông nghiệp Lý Sơn", "COOPERATIVE",
                    "4300123457", "51", "21548", "FEMALE", false, 2, java.util.List.of("taxCode"),
                    "Mã số thuế ghi sai khi đăng ký", AT)),
            Map.entry(EventType.PRODUCT_UPDATED, new ProductUpdated(PRODUCT, "51-21040-1-2026", "Tỏi cô đơn Lý Sơn", 10,
                    PRODUCER, "51", "21548", 3, java.util.List.of("name", "communeCode"), null, AT)),
            Map.entry(EventType.APPLICATION_SUBMITTED, new ApplicationSubmitted(APPLICATION, PRODUCT, "51-21040-1-2026",
                    PRODUCER, "51", 10, "FIRST_RATING", null, AT)),
            Map.entry(EventType.APPLICATION_WITHDRAWN, new ApplicationWithdrawn(APPLICATION, PRODUCT, "Sản lượng không đủ", AT)),
            Map.entry(EventType.LAPSED_CERTIFICATE_SCANNED, new LapsedCertificateScanned(CERTIFICATE, "51-2026-0001", PRODUCT,
                    "51-21040-1-2026", "Tỏi cô đơn Lý Sơn", "51", "REVOKED", ISSUED.plusYears(2), 1, AT)),
            Map.entry(EventType.PRODUCT_RATED, new ProductRated(RESULT, PRODUCT, "51-21040-1-2026", "51", "PROVINCIAL",
                    "QD26-2026/set-10", new BigDecimal("72.50"), 4, 4, 4, "CERTIFIABLE", AT)),
            Map.entry(EventType.FIVE_STAR_NOMINATED, new FiveStarNominated(RESULT, PRODUCT, "51-21040-1-2026", "51",
                    new BigDecimal("91.25"), AT)),
            Map.entry(EventType.CERTIFICATE_ISSUED, new CertificateIssued(CERTIFICATE, "51-2026-0001", PRODUCT,
                    "51-21040-1-2026", PRODUCER, "51", 4, ISSUED, ISSUED.plusMonths(36), "QD26-2026/set-10", RESULT,
                    "1234/QĐ-UBND", null, AT)),
            Map.entry(EventType.CERTIFICATE_REVOKED, new CertificateRevoked(CERTIFICATE, "51-2026-0001", PRODUCT, "51",
                    "CRITERIA_NO_LONGER_MET", "88/QĐ-UBND", ISSUED.plusYears(1), AT)),
            Map.entry(EventType.CERTIFICATE_EXPIRED, new CertificateExpired(CERTIFICATE, "51-2026-0001", PRODUCT, "51",
                    ISSUED.plusMonths(36), AT)),
            Map.entry(EventType.CERTIFICATE_EXPIRING, new CertificateExpiring(CERTIFICATE, "51-2026-0001", PRODUCT, "51",
                    ISSUED.plusMonths(36), "REVIEW_WINDOW_OPENS", AT)),
            Map.entry(EventType.INSPECTION_COMPLETED, new InspectionCompleted(UUID.randomUUID(), PRODUCT, CERTIFICATE, "51",
                    "REVOCATION_PROPOSED", ISSUED, AT)),
            Map.entry(EventType.LISTING_SUSPENDED, new ListingSuspended(LISTING, PRODUCT, CERTIFICATE, UUID.randomUUID(), null,
                    "CERTIFICATE_REVOKED", AT)),
            Map.entry(EventType.LISTING_REINSTATED, new ListingReinstated(LISTING, PRODUCT, CERTIFICATE, AT)),
            Map.entry(EventType.LISTING_CREATED, new ListingCreated(LISTING, PRODUCT, PRODUCER, "51", CERTIFICATE,
                    UUID.randomUUID(), null, "ECOMMERCE_PLATFORM", true, AT)),
            Map.entry(EventType.POINT_OF_SALE_STATUS_CHANGED, new PointOfSaleStatusChanged(POINT, "Điểm OCOP Lý Sơn", "51",
                    "MALL_SUPERMARKET_MARKET", true, "PROPOSED", "APPROVED", AT)));

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventSerialisesToJsonValidAgainstItsSchema(EventType type) throws Exception {
        IntegrationEvent sample = SAMPLES.get(type);
        assertThat(sample).as("sample for " + type).isNotNull();

        Set<ValidationMessage> errors = schema(type).validate(json.readTree(EventJson.write(sample)));

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventRoundTripsThroughJson(EventType type) {
        IntegrationEvent sample = SAMPLES.get(type);
        assertThat(EventJson.read(EventJson.write(sample), type.recordClass())).isEqualTo(sample);
        assertThat(EventType.of(sample)).isEqualTo(type);
        assertThat(EventType.byName(type.eventName())).contains(type);
    }

    @Test
    void schemaRejectsAPayloadMissingARequiredField() throws Exception {
        JsonNode payload = json.readTree(EventJson.write(SAMPLES.get(EventType.PRODUCT_REGISTERED)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload).remove("productCode");

        assertThat(schema(EventType.PRODUCT_REGISTERED).validate(payload))
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("productCode"));
    }

    @Test
    void aListingNamesExactlyOneOutlet() {
        assertThatThrownBy(() -> new ListingCreated(LISTING, PRODUCT, PRODUCER, "51", CERTIFICATE, UUID.randomUUID(),
                POINT, "RETAIL_CHAIN", true, AT)).isInstanceOf(IllegalArgumentException.class);
        String neither = EventJson.write(SAMPLES.get(EventType.LISTING_CREATED)).replaceFirst("\"channelId\":\"[^\"]+\"", "\"channelId\":null");
        assertThatThrownBy(() -> EventJson.read(neither, ListingCreated.class)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void readingAPayloadWithoutARequiredFieldIsAMalformedEvent() {
        String missingName = "{\"productId\":\"" + PRODUCT + "\",\"productCode\":\"51-21040-1-2026\",\"productSet\":10,"
                + "\"producerId\":\"" + PRODUCER + "\",\"provinceCode\":\"51\",\"registeredAt\":\"2026-03-01T02:05:00Z\"}";

        assertThatThrownBy(() -> EventJson.read(missingName, ProductRegistered.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> EventJson.read("not json", ProductRegistered.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void unknownFieldsAreIgnoredSoAdditiveChangesDoNotBreakConsumers() {
        String withExtra = EventJson.write(SAMPLES.get(EventType.PRODUCT_REGISTERED)).replaceFirst("\\{", "{\"gtin\":\"8930000000001\",");

        assertThat(EventJson.read(withExtra, ProductRegistered.class)).isEqualTo(SAMPLES.get(EventType.PRODUCT_REGISTERED));
    }

    @Test
    void aProducerEventCarriesNoDisabilityYetOneOfBeforeThatDidIsStillRead() throws Exception {
        String now = EventJson.write(SAMPLES.get(EventType.PRODUCER_REGISTERED));
        assertThat(json.readTree(now).has("representativeDisabled")).as("personal health data, unused by the statistics").isFalse();

        String before = now.replaceFirst("\\{", "{\"representativeDisabled\":true,");
        assertThat(schema(EventType.PRODUCER_REGISTERED).validate(json.readTree(before))).isEmpty();
        assertThat(EventJson.read(before, ProducerRegistered.class)).isEqualTo(SAMPLES.get(EventType.PRODUCER_REGISTERED));
    }

    @Test
    void keysKeepOneAggregateInOnePartition() {
        assertThat(SAMPLES.get(EventType.PRODUCT_REGISTERED).aggregateKey()).isEqualTo(PRODUCT.toString());
        assertThat(SAMPLES.get(EventType.PRODUCER_REGISTERED).aggregateKey()).isEqualTo(PRODUCER.toString());
        assertThat(EventType.PRODUCT_REGISTERED.topic()).isEqualTo("ocop.registry.events");
        assertThat(SAMPLES.get(EventType.LISTING_CREATED).aggregateKey()).isEqualTo(PRODUCT.toString());
        assertThat(SAMPLES.get(EventType.POINT_OF_SALE_STATUS_CHANGED).aggregateKey()).isEqualTo(POINT.toString());
        assertThat(EventType.PRODUCT_REGISTERED.dataSchema()).hasToString("urn:ocop:events:ProductRegistered:v1");
    }

    @Test
    void aMigratedCertificateKeepsItsOriginalNumberAndNeedsNoResult() throws Exception {
        CertificateIssued migrated = new CertificateIssued(CERTIFICATE, "123/QĐ-UBND", PRODUCT, "51-21898-1-2026", PRODUCER,
                "51", 4, LocalDate.of(2021, 5, 10), LocalDate.of(2024, 12, 31), "1048/QĐ-TTg", null, "123/QĐ-UBND", null, AT, true);
        JsonNode payload = json.readTree(EventJson.write(migrated));

        assertThat(schema(EventType.CERTIFICATE_ISSUED).validate(payload)).isEmpty();
        assertThat(EventJson.read(payload.toString(), CertificateIssued.class)).isEqualTo(migrated);
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload).put("migrated", false);
        assertThat(schema(EventType.CERTIFICATE_ISSUED).validate(payload)).extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("resultId"));
        assertThatThrownBy(() -> EventJson.read(payload.toString(), CertificateIssued.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("resultId");
    }

    @Test
    void aCertificateIssuedWrittenBeforeTheMigratedFieldReadsAsNative() {
        String old = EventJson.write(SAMPLES.get(EventType.CERTIFICATE_ISSUED)).replace(",\"migrated\":false", "");
        assertThat(old).doesNotContain("migrated");

        CertificateIssued read = EventJson.read(old, CertificateIssued.class);

        assertThat(read.migrated()).isFalse();
        assertThat(read).isEqualTo(SAMPLES.get(EventType.CERTIFICATE_ISSUED));
    }

    private JsonSchema schema(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema " + type.schemaResource()).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
