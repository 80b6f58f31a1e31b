package vn.ocop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
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

import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.events.registry.ProductRegistered;

class EventCatalogueTest {

    private static final UUID PRODUCER = UUID.fromString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001");
    private static final UUID PRODUCT = UUID.fromString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a002");

    /** One realistic sample per catalogued event: a new event type fails this test until it gets a sample. */
    private static final Map<EventType, IntegrationEvent> SAMPLES = Map.of(
            EventType.PRODUCER_REGISTERED, new ProducerRegistered(PRODUCER, "HTX Nông nghiệp Lý Sơn", "COOPERATIVE",
                    "4300123456", "51", "21898", "FEMALE", false, false, Instant.parse("2026-03-01T02:00:00Z")),
            EventType.PRODUCT_REGISTERED, new ProductRegistered(PRODUCT, "51-21898-1-2026", "Tỏi Lý Sơn", 10,
                    PRODUCER, "51", "21898", Instant.parse("2026-03-01T02:05:00Z")));

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
    void readingAPayloadWithoutARequiredFieldIsAMalformedEvent() {
        String missingName = "{\"productId\":\"" + PRODUCT + "\",\"productCode\":\"51-21898-1-2026\",\"productSet\":10,"
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
    void keysKeepOneAggregateInOnePartition() {
        assertThat(SAMPLES.get(EventType.PRODUCT_REGISTERED).aggregateKey()).isEqualTo(PRODUCT.toString());
        assertThat(SAMPLES.get(EventType.PRODUCER_REGISTERED).aggregateKey()).isEqualTo(PRODUCER.toString());
        assertThat(EventType.PRODUCT_REGISTERED.topic()).isEqualTo("ocop.registry.events");
        assertThat(EventType.PRODUCT_REGISTERED.dataSchema()).hasToString("urn:ocop:events:ProductRegistered:v1");
    }

    private JsonSchema schema(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema " + type.schemaResource()).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
