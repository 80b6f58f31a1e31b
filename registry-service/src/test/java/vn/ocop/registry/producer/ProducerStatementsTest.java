package vn.ocop.registry.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.registry.RegistryTestSupport.as;
import static vn.ocop.registry.RegistryTestSupport.producer;
import static vn.ocop.registry.RegistryTestSupport.randomTaxCode;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.ocop.registry.StatementCounter;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/**
 * The lean write path (issue #16): registering a producer costs few database round trips, since every statement is
 * one more wait on a loaded database for every client. Counted statements are Hibernate's (entity and native SQL).
 */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class ProducerStatementsTest {
    /** Insert of the producer, its audit row and its outbox event. */
    static final int STATEMENTS_PER_POST = 3;

    @Test
    void aProducerPostSendsOnlyItsInsertsAuditAndEvent() {
        String officer = Tokens.provinceOfficer("51");
        as(officer).body(producer("HTX Khởi động", "51", randomTaxCode())).post("/api/v1/producers").then().statusCode(201);

        List<String> statements = post(officer, null);

        assertThat(statements).as("statements of one POST: %s", statements).hasSizeLessThanOrEqualTo(STATEMENTS_PER_POST);
    }

    @Test
    void withAnIdempotencyKeyOnlyTheKeyIsAdded() {
        String officer = Tokens.provinceOfficer("51");
        as(officer).body(producer("HTX Khởi động", "51", randomTaxCode())).post("/api/v1/producers").then().statusCode(201);

        List<String> statements = post(officer, UUID.randomUUID().toString());

        assertThat(statements).as("statements of one POST with Idempotency-Key: %s", statements)
                .hasSizeLessThanOrEqualTo(STATEMENTS_PER_POST + 2);
        List<String> idempotency = statements.stream()
                .filter(sql -> sql.contains("idempotency_record") || sql.contains("ocop_idempotency_claim")).toList();
        // The key claimed and looked up (ocop_idempotency_claim), then its row written once, complete: never inserted
        // first and updated.
        assertThat(idempotency).as("idempotency statements: %s", idempotency).hasSize(2)
                .noneMatch(sql -> sql.contains("update idempotency_record"))
                .filteredOn(sql -> sql.contains("insert into idempotency_record")).hasSize(1);
    }

    /** Posts a new producer and answers the statements its request sent. */
    static List<String> post(String token, String idempotencyKey) {
        String id = UUID.randomUUID().toString();
        var request = as(token).header(StatementCounter.HEADER, id);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        request.body(producer("HTX Đếm", "51", randomTaxCode())).post("/api/v1/producers").then().statusCode(201);
        return StatementCounter.of(id);
    }
}
