package vn.ocop.registry.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ocop.platform.imports.ImportWorker;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.JsonProblems;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.Actor;
import vn.ocop.registry.correction.Written;
import vn.ocop.registry.imports.ImportViews.RowError;
import vn.ocop.registry.producer.ProducerRequest;
import vn.ocop.registry.producer.ProducerService;
import vn.ocop.registry.producer.ProducerView;
import vn.ocop.registry.product.ProductRequest;
import vn.ocop.registry.product.ProductService;
import vn.ocop.registry.product.ProductView;

/**
 * One import row through the one write path: the row is read into the request the API would receive and handed to
 * {@link ProducerService} or {@link ProductService} (validation, scope, codes, audit, events, no-op detection), as
 * the job's sender. What is the import's own: the row's kind and keys ({@code externalRef}, {@code producerRef}),
 * refusing unknown columns, and reporting a refusal as (field, reason) of the row.
 */
@ApplicationScoped
class ImportRows {
    /** Columns besides the request's own: the row's kind and keys. */
    static final List<String> PRODUCER_COLUMNS = concat(List.of("type", "externalRef"), Columns.of(ProducerRequest.class));
    static final List<String> PRODUCT_COLUMNS = concat(List.of("type", "externalRef", "producerRef"), Columns.of(ProductRequest.class));

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    ProducerService producers;

    @Inject
    ProductService products;

    @Inject
    BatchLookups lookups;

    /** Applies a row; a row refused before the service is answered FAILED, one the service refuses throws. */
    ImportRowResult apply(ImportWorker.Job job, Rows.Row row) {
        List<RowError> errors = new ArrayList<>(RowShape.keys(row));
        String ref = row.value() == null ? null : text(row.value().get("externalRef"));
        if (row.value() != null && ref == null) {
            errors.add(new RowError("externalRef", "required: your own key for the record, so a re-import updates it"));
        } else if (ref != null && ref.length() > 100) {
            errors.add(new RowError("externalRef", "must be at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            return ImportRowResult.failed(ref, errors);
        }
        ObjectNode value = row.value().deepCopy();
        String kind = kind(value.remove("type"));
        value.remove("externalRef");
        Actor actor = Actor.officer(job.submittedBy(), job.scopeProvince());
        return kind.equals("producer") ? producer(actor, ref, value) : product(actor, ref, value);
    }

    private ImportRowResult producer(Actor actor, String ref, ObjectNode value) {
        List<RowError> errors = new ArrayList<>();
        ProducerRequest request = read(value, ProducerRequest.class, errors);
        if (request == null) {
            return ImportRowResult.failed(ref, errors);
        }
        UUID existing = lookups.idByRef("producer", ref);
        if (existing == null) {
            // the tax code may name a producer registered through the API (no externalRef): the row adopts it
            BatchLookups.TaxCodeHolder holder = lookups.holderOf(request.taxCode());
            if (holder != null && holder.externalRef() != null) {
                return ImportRowResult.failed(ref, List.of(new RowError("taxCode", ProducerService.taxCodeTaken(request.taxCode())
                        .toProblem().detail() + " (externalRef " + holder.externalRef() + ")")));
            }
            if (holder != null) {
                producers.adopt(holder.id(), ref, actor);
                existing = holder.id();
            }
        }
        Written<ProducerView> written = existing == null ? producers.register(request, ref, actor)
                : producers.update(existing, request, null, actor, request.reason());
        lookups.known().put("producer:" + ref, written.view().id());
        lookups.taxCodes().put(written.view().taxCode(), new BatchLookups.TaxCodeHolder(written.view().id(), ref));
        return ImportRowResult.written(written.outcome(), "PRODUCER", written.view().id(), ref);
    }

    private ImportRowResult product(Actor actor, String ref, ObjectNode value) {
        String producerRef = text(value.remove("producerRef"));
        if (producerRef != null) {
            UUID producerId = lookups.idByRef("producer", producerRef);
            if (producerId == null) {
                return ImportRowResult.failed(ref, List.of(new RowError("producerRef", "no producer imported with externalRef " + producerRef)));
            }
            value.put("producerId", producerId.toString());
        } else if (!value.hasNonNull("producerId")) {
            return ImportRowResult.failed(ref, List.of(new RowError("producerRef", "give producerRef (the producer's externalRef) or producerId")));
        }
        List<RowError> errors = new ArrayList<>();
        ProductRequest request = read(value, ProductRequest.class, errors);
        if (request == null) {
            return ImportRowResult.failed(ref, errors);
        }
        UUID existing = lookups.idByRef("product", ref);
        Written<ProductView> written = existing == null ? products.register(request, ref, actor)
                : products.update(existing, request, null, actor, request.reason());
        lookups.known().put("product:" + ref, written.view().id());
        return ImportRowResult.written(written.outcome(), "PRODUCT", written.view().id(), ref);
    }

    /** What a refusal by the service says about the row, as (field, reason). */
    ImportRowResult refused(Rows.Row row, RuntimeException cause) {
        String ref = row.value() == null ? null : text(row.value().get("externalRef"));
        if (row.value() != null && ProducerService.isTaxCodeTaken(cause)) {
            // found by the batch's flush (WriteBatch): the refusal the service gives when it flushes the row itself
            cause = ProducerService.taxCodeTaken(text(row.value().get("taxCode")));
        }
        if (!(cause instanceof ApiException api)) {
            return ImportRowResult.failed(ref, List.of(new RowError("row", "could not be written ("
                    + cause.getClass().getSimpleName() + "); send it again")));
        }
        Problem problem = api.toProblem();
        if (problem.violations() != null && !problem.violations().isEmpty()) {
            return ImportRowResult.failed(ref, problem.violations().stream()
                    .map(v -> new RowError(v.field(), v.message())).toList());
        }
        boolean product = "product".equals(kind(row.value().get("type")));
        String field = switch (api.code()) {
            case "TAX_CODE_TAKEN" -> "taxCode";
            case "OUT_OF_SCOPE" -> product ? "producerRef" : "provinceCode";
            default -> "row";
        };
        return ImportRowResult.failed(ref, List.of(new RowError(field, problem.detail())));
    }

    /** Reads and validates the request as the API would; errors name the field and never a Java type. */
    private <T> T read(ObjectNode value, Class<T> type, List<RowError> errors) {
        T request;
        try {
            request = json.treeToValue(value, type);
        } catch (JsonProcessingException e) {
            // the API's own wording of an unreadable value (field and allowed values, never a Java type)
            Problem.Violation violation = JsonProblems.violation(e);
            errors.add(new RowError("body".equals(violation.field()) ? "row" : violation.field(), violation.message()));
            return null;
        }
        for (ConstraintViolation<T> v : validator.validate(request)) {
            errors.add(new RowError(v.getPropertyPath().toString(), v.getMessage()));
        }
        return errors.isEmpty() ? request : null;
    }

    static String kind(JsonNode type) {
        String text = text(type);
        String kind = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return kind.equals("producer") || kind.equals("product") ? kind : null;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
