package vn.ocop.registry.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import vn.ocop.events.registry.ProducerRegistered;
import vn.ocop.events.registry.ProductRegistered;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.outbox.Outbox;
import vn.ocop.registry.imports.ImportViews.RowError;
import vn.ocop.registry.producer.Producer;
import vn.ocop.registry.producer.ProducerRequest;
import vn.ocop.registry.producer.Representative;
import vn.ocop.registry.product.GtinOwners;
import vn.ocop.registry.product.Product;
import vn.ocop.registry.product.ProductCodes;
import vn.ocop.registry.product.ProductRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.registry.province.CommuneDirectory;
import vn.ocop.registry.province.ProvinceDirectory;

/**
 * Runs queued imports in the background, {@value #BATCH} rows per transaction. Every row is validated completely
 * before anything of it is written, so a bad row is reported (row, field, reason) and skipped while the good rows of
 * its batch commit. Should a batch still fail in the database, it is replayed row by row so that only the offending
 * row is lost. Progress and per-row results commit with each batch, so a restarted service resumes where it stopped.
 */
@ApplicationScoped
public class ImportProcessor {
    private static final Logger LOG = Logger.getLogger(ImportProcessor.class);
    static final int BATCH = 500;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    ProductCodes codes;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    CommuneDirectory communes;

    /** A single worker per service instance: jobs interrupted by a restart go back to the queue. */
    void requeueInterrupted(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update import_job set status = 'QUEUED' where status = 'RUNNING'").executeUpdate());
    }

    /** Columns besides the request's own: the row's kind and keys. */
    static final List<String> PRODUCER_COLUMNS = concat(List.of("type", "externalRef"), Columns.of(ProducerRequest.class));
    static final List<String> PRODUCT_COLUMNS = concat(List.of("type", "externalRef", "producerRef"), Columns.of(ProductRequest.class));

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        UUID id;
        while ((id = QuarkusTransaction.requiringNew().call(this::claim)) != null) {
            run(id);
        }
    }

    private UUID claim() {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                update import_job set status = 'RUNNING', started_at = coalesce(started_at, now())
                where id = (select id from import_job where status = 'QUEUED' order by created_at limit 1 for update skip locked)
                returning id""").getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    void run(UUID jobId) {
        try {
            Job job = QuarkusTransaction.requiringNew().call(() -> {
                ImportJob entity = ImportJob.findById(jobId);
                return new Job(entity.id, entity.scopeProvince, entity.createdBy, entity.processedRows,
                        Rows.read(json, entity.mediaType, entity.content));
            });
            Caches caches = QuarkusTransaction.requiringNew().call(Caches::load);
            for (int start = job.done(); start < job.rows().size(); start += BATCH) {
                List<Rows.Row> batch = job.rows().subList(start, Math.min(start + BATCH, job.rows().size()));
                try {
                    Batch written = QuarkusTransaction.requiringNew().call(() -> processBatch(job, caches, batch));
                    caches.merge(written);
                } catch (RuntimeException e) {
                    LOG.warnf("Import %s: batch from row %d failed (%s); replaying it row by row", jobId, batch.get(0).number(), e);
                    for (Rows.Row row : batch) {
                        try {
                            caches.merge(QuarkusTransaction.requiringNew().call(() -> processBatch(job, caches, List.of(row))));
                        } catch (RuntimeException rowFailure) {
                            QuarkusTransaction.requiringNew().run(() -> failUnexpectedly(job, row, rowFailure));
                        }
                    }
                }
            }
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update import_job set status = 'COMPLETED', finished_at = now() where id = ?1")
                    .setParameter(1, jobId).executeUpdate());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update import_job set status = 'FAILED', error = ?2, finished_at = now() where id = ?1")
                    .setParameter(1, jobId).setParameter(2, "Unexpected error: " + e.getClass().getSimpleName()).executeUpdate());
        }
    }

    record Job(UUID id, String scopeProvince, String importedBy, int done, List<Rows.Row> rows) {
    }

    record ProducerRef(UUID id, String provinceCode) {
    }

    /** Reference data for the whole job, and producer keys written by committed batches. */
    static final class Caches {
        final Map<String, String> communeProvince = new HashMap<>();
        final Map<String, String> provinceOf = new HashMap<>();
        final Map<String, ProducerRef> producersByRef = new HashMap<>();

        @SuppressWarnings("unchecked")
        static Caches load() {
            Caches caches = new Caches();
            EntityManager em = Producer.getEntityManager();
            for (Object[] r : (List<Object[]>) em.createNativeQuery("select code, province_code from commune").getResultList()) {
                caches.communeProvince.put((String) r[0], (String) r[1]);
            }
            for (Object code : em.createNativeQuery("select code from province").getResultList()) {
                caches.provinceOf.put((String) code, (String) code);
            }
            for (Object[] r : (List<Object[]>) em.createNativeQuery("select code, merged_into from legacy_province").getResultList()) {
                // A former province's code resolves to its successor; a current code keeps meaning itself.
                caches.provinceOf.putIfAbsent((String) r[0], (String) r[1]);
            }
            return caches;
        }

        void merge(Batch batch) {
            producersByRef.putAll(batch.producers);
        }
    }

    /** What one batch transaction wrote, merged into the caches only once it committed. */
    static final class Batch {
        final Map<String, ProducerRef> producers = new HashMap<>();
        final Map<String, UUID> taxCodes = new HashMap<>();
        final Set<String> productRefs = new HashSet<>();
        int created;
        int updated;
        int failed;
    }

    private Batch processBatch(Job job, Caches caches, List<Rows.Row> rows) {
        Batch batch = new Batch();
        prefetch(rows, caches, batch);
        for (Rows.Row row : rows) {
            ImportRowResult result = processRow(job, caches, batch, row);
            result.jobId = job.id();
            result.rowNumber = row.number();
            result.persist();
            switch (result.outcome) {
                case CREATED -> batch.created++;
                case UPDATED -> batch.updated++;
                case FAILED -> batch.failed++;
            }
        }
        entityManager.createNativeQuery("""
                update import_job set processed_rows = greatest(processed_rows, ?2), created_count = created_count + ?3,
                    updated_count = updated_count + ?4, failed_count = failed_count + ?5 where id = ?1""")
                .setParameter(1, job.id()).setParameter(2, rows.get(rows.size() - 1).number())
                .setParameter(3, batch.created).setParameter(4, batch.updated).setParameter(5, batch.failed)
                .executeUpdate();
        return batch;
    }

    /** Loads, in two queries, the producers this batch names by key or tax code, instead of one lookup per row. */
    @SuppressWarnings("unchecked")
    private void prefetch(List<Rows.Row> rows, Caches caches, Batch batch) {
        Set<String> refs = new HashSet<>();
        Set<String> taxCodes = new HashSet<>();
        for (Rows.Row row : rows) {
            if (row.value() == null) {
                continue;
            }
            addText(refs, row.value().get("externalRef"));
            addText(refs, row.value().get("producerRef"));
            addText(taxCodes, row.value().get("taxCode"));
        }
        refs.removeAll(caches.producersByRef.keySet());
        if (!refs.isEmpty() || !taxCodes.isEmpty()) {
            List<Object[]> found = entityManager.createNativeQuery("""
                    select id, external_ref, province_code, tax_code from producer
                    where external_ref in (:refs) or tax_code in (:taxCodes)""")
                    .setParameter("refs", refs.isEmpty() ? Set.of("") : refs)
                    .setParameter("taxCodes", taxCodes.isEmpty() ? Set.of("") : taxCodes).getResultList();
            for (Object[] r : found) {
                if (r[1] != null) {
                    batch.producers.put((String) r[1], new ProducerRef((UUID) r[0], (String) r[2]));
                }
                batch.taxCodes.put((String) r[3], (UUID) r[0]);
            }
        }
    }

    private ImportRowResult processRow(Job job, Caches caches, Batch batch, Rows.Row row) {
        List<RowError> errors = new ArrayList<>();
        if (row.error() != null) {
            return failed(null, List.of(new RowError("row", row.error())));
        }
        ObjectNode value = row.value().deepCopy();
        String type = text(value.remove("type"));
        String ref = text(value.remove("externalRef"));
        if (ref == null) {
            errors.add(new RowError("externalRef", "required: your own key for the record, so a re-import updates it"));
        } else if (ref.length() > 100) {
            errors.add(new RowError("externalRef", "must be at most 100 characters"));
        }
        String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (!kind.equals("producer") && !kind.equals("product")) {
            errors.add(new RowError("type", "must be producer or product"));
            return failed(ref, errors);
        }
        List<String> allowed = kind.equals("producer") ? PRODUCER_COLUMNS : PRODUCT_COLUMNS;
        List<String> unknown = Columns.unknown(value, allowed);
        if (!unknown.isEmpty()) {
            unknown.forEach(column -> errors.add(new RowError(column,
                    "unknown column for a " + kind + " row; allowed: " + String.join(", ", allowed))));
            return failed(ref, errors);
        }
        return kind.equals("producer") ? producerRow(job, caches, batch, ref, value, errors)
                : productRow(job, caches, batch, ref, value, errors);
    }

    private ImportRowResult producerRow(Job job, Caches caches, Batch batch, String ref, ObjectNode value, List<RowError> errors) {
        ProducerRequest request = read(value, ProducerRequest.class, errors);
        if (request == null) {
            return failed(ref, errors);
        }
        validate(request, errors);
        if (!errors.isEmpty()) {
            return failed(ref, errors);
        }
        String province = caches.provinceOf.get(request.provinceCode());
        if (province == null) {
            return failed(ref, List.of(new RowError("provinceCode", "unknown province code " + request.provinceCode())));
        }
        if (job.scopeProvince() != null && !job.scopeProvince().equals(province)) {
            errors.add(new RowError("provinceCode", "province " + province + " is outside your province " + job.scopeProvince()));
        }
        String legacyProvince = province.equals(request.provinceCode()) ? null : request.provinceCode();
        CommuneDirectory.ResolvedCommune commune = commune(caches, request.communeCode(), province, legacyProvince, errors);
        ProducerRef existing = batch.producers.getOrDefault(ref, caches.producersByRef.get(ref));
        UUID taxOwner = batch.taxCodes.get(request.taxCode());
        if (taxOwner != null && (existing == null || !taxOwner.equals(existing.id()))) {
            errors.add(new RowError("taxCode", "a producer with tax code " + request.taxCode() + " is already registered"));
        }
        if (existing != null && !existing.provinceCode().equals(province) && job.scopeProvince() != null) {
            errors.add(new RowError("provinceCode", "only a central officer may move a producer to another province"));
        }
        if (!errors.isEmpty()) {
            return failed(ref, errors);
        }
        Instant now = Instant.now();
        Producer producer = existing == null ? new Producer() : Producer.findById(existing.id());
        Object before = existing == null ? null : snapshot(producer);
        if (existing == null) {
            producer.id = UUID.randomUUID();
            producer.externalRef = ref;
            producer.createdAt = now;
            producer.createdBy = job.importedBy();
        }
        producer.name = request.name().trim();
        producer.kind = request.kind();
        producer.taxCode = request.taxCode();
        producer.provinceCode = province;
        producer.legacyProvinceCode = province.equals(request.provinceCode()) ? null : request.provinceCode();
        producer.communeCode = commune == null ? null : commune.code();
        producer.legacyCommuneCode = commune == null ? null : commune.given();
        producer.unitList = ProvinceDirectory.CURRENT_UNIT_LIST;
        producer.address = request.address();
        producer.phone = request.phone();
        producer.email = request.email();
        Representative r = producer.representative == null ? new Representative() : producer.representative;
        r.fullName = request.representative().fullName().trim();
        r.title = request.representative().title();
        r.gender = request.representative().gender();
        r.ethnicGroup = request.representative().ethnicGroup();
        r.ethnicMinority = request.representative().ethnicMinority();
        r.disabled = request.representative().disabled();
        producer.representative = r;
        producer.updatedAt = now;
        producer.updatedBy = job.importedBy();
        if (existing == null) {
            producer.persist();
            outbox.append(new ProducerRegistered(producer.id, producer.name, producer.kind.name(), producer.taxCode,
                    producer.provinceCode, producer.communeCode, r.gender.name(), r.ethnicMinority, r.disabled, now));
        }
        audit.record(existing == null ? "producer.imported" : "producer.reimported", "producer", producer.id, before,
                Map.of("importJob", job.id(), "importedBy", job.importedBy(), "state", snapshot(producer)));
        batch.producers.put(ref, new ProducerRef(producer.id, province));
        batch.taxCodes.put(producer.taxCode, producer.id);
        return done(existing == null, "PRODUCER", producer.id, ref);
    }

    private ImportRowResult productRow(Job job, Caches caches, Batch batch, String ref, ObjectNode value, List<RowError> errors) {
        String producerRef = text(value.remove("producerRef"));
        ProducerRef producer = null;
        if (producerRef != null) {
            producer = batch.producers.getOrDefault(producerRef, caches.producersByRef.get(producerRef));
            if (producer == null) {
                errors.add(new RowError("producerRef", "no producer imported with externalRef " + producerRef));
            } else {
                value.put("producerId", producer.id().toString());
            }
        } else if (value.hasNonNull("producerId")) {
            try {
                Producer found = Producer.findById(UUID.fromString(value.get("producerId").asText()));
                producer = found == null ? null : new ProducerRef(found.id, found.provinceCode);
                if (found == null) {
                    errors.add(new RowError("producerId", "no producer " + value.get("producerId").asText()));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new RowError("producerId", "must be a UUID"));
            }
        } else {
            errors.add(new RowError("producerRef", "give producerRef (the producer's externalRef) or producerId"));
        }
        if (!errors.isEmpty()) {
            return failed(ref, errors);
        }
        ProductRequest request = read(value, ProductRequest.class, errors);
        if (request == null) {
            return failed(ref, errors);
        }
        validate(request, errors);
        if (!errors.isEmpty()) {
            return failed(ref, errors);
        }
        if (job.scopeProvince() != null && !job.scopeProvince().equals(producer.provinceCode())) {
            errors.add(new RowError("producerRef", "the producer is in province " + producer.provinceCode()
                    + ", outside your province " + job.scopeProvince()));
        }
        CommuneDirectory.ResolvedCommune commune = commune(caches, request.communeCode(), producer.provinceCode(), null, errors);
        if (batch.productRefs.contains(ref)) {
            errors.add(new RowError("externalRef", "product " + ref + " appears twice in this batch"));
        }
        Product existing = Product.find("externalRef", ref).firstResult();
        if (existing != null && !existing.producerId.equals(producer.id())) {
            errors.add(new RowError("producerRef", "product " + ref + " belongs to another producer"));
        }
        if (existing != null && commune != null && !existing.communeCode.equals(commune.code())) {
            errors.add(new RowError("communeCode", "cannot change: product code " + existing.code + " names commune "
                    + existing.communeCode));
        }
        GtinOwners.conflict(request.gtin(), existing == null ? null : existing.id)
                .ifPresent(reason -> errors.add(new RowError("gtin", reason)));
        if (!errors.isEmpty()) {
            return failed(ref, errors);
        }
        Instant now = Instant.now();
        Product product = existing == null ? new Product() : existing;
        Object before = existing == null ? null : productSnapshot(product);
        if (existing == null) {
            product.id = UUID.randomUUID();
            product.externalRef = ref;
            product.code = codes.next(producer.provinceCode(), commune.code());
            product.producerId = producer.id();
            product.provinceCode = producer.provinceCode();
            product.communeCode = commune.code();
            product.legacyCommuneCode = commune.given();
            product.unitList = ProvinceDirectory.CURRENT_UNIT_LIST;
            product.createdAt = now;
            product.createdBy = job.importedBy();
        }
        product.describe(request);
        product.updatedAt = now;
        product.updatedBy = job.importedBy();
        if (existing == null) {
            product.persist();
            outbox.append(new ProductRegistered(product.id, product.code, product.name, product.productSet, product.producerId,
                    product.provinceCode, product.communeCode, now));
        }
        audit.record(existing == null ? "product.imported" : "product.reimported", "product", product.id, before,
                Map.of("importJob", job.id(), "importedBy", job.importedBy(), "state", productSnapshot(product)));
        batch.productRefs.add(ref);
        return done(existing == null, "PRODUCT", product.id, ref);
    }

    private void failUnexpectedly(Job job, Rows.Row row, RuntimeException failure) {
        LOG.warnf("Import %s row %d could not be written: %s", job.id(), row.number(), failure);
        ImportRowResult result = failed(row.value() == null ? null : text(row.value().get("externalRef")),
                List.of(new RowError("row", "could not be written (" + failure.getClass().getSimpleName() + ")")));
        result.jobId = job.id();
        result.rowNumber = row.number();
        result.persist();
        entityManager.createNativeQuery("""
                update import_job set processed_rows = greatest(processed_rows, ?2), failed_count = failed_count + 1
                where id = ?1""").setParameter(1, job.id()).setParameter(2, row.number()).executeUpdate();
    }

    /** A commune code in force is checked against the cache; anything else (a former code, a name) is looked up. */
    private CommuneDirectory.ResolvedCommune commune(Caches caches, String given, String province, String legacyProvince,
                                                     List<RowError> errors) {
        if (given != null && province.equals(caches.communeProvince.get(given.trim()))) {
            return new CommuneDirectory.ResolvedCommune(given.trim(), null, null);
        }
        try {
            return communes.resolve("communeCode", given, province, legacyProvince);
        } catch (ApiException e) {
            errors.add(new RowError("communeCode", e.toProblem().violations().get(0).message()));
            return null;
        }
    }

    private <T> T read(ObjectNode value, Class<T> type, List<RowError> errors) {
        try {
            return json.treeToValue(value, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("row");
            errors.add(new RowError(field, "unreadable value: " + e.getOriginalMessage()));
            return null;
        } catch (JsonProcessingException e) {
            errors.add(new RowError("row", "unreadable: " + e.getOriginalMessage()));
            return null;
        }
    }

    private <T> void validate(T request, List<RowError> errors) {
        for (ConstraintViolation<T> v : validator.validate(request)) {
            errors.add(new RowError(v.getPropertyPath().toString(), v.getMessage()));
        }
    }

    private static ImportRowResult failed(String ref, List<RowError> errors) {
        ImportRowResult result = new ImportRowResult();
        result.outcome = ImportRowResult.Outcome.FAILED;
        result.externalRef = ref == null || ref.length() > 100 ? null : ref;
        result.errors = errorsJson(errors);
        return result;
    }

    private static ImportRowResult done(boolean created, String type, UUID id, String ref) {
        ImportRowResult result = new ImportRowResult();
        result.outcome = created ? ImportRowResult.Outcome.CREATED : ImportRowResult.Outcome.UPDATED;
        result.entityType = type;
        result.entityId = id;
        result.externalRef = ref;
        return result;
    }

    private static String errorsJson(List<RowError> errors) {
        try {
            return new ObjectMapper().writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> snapshot(Producer p) {
        Map<String, Object> state = new HashMap<>();
        state.put("name", p.name);
        state.put("taxCode", p.taxCode);
        state.put("provinceCode", p.provinceCode);
        state.put("communeCode", p.communeCode);
        state.put("externalRef", p.externalRef);
        return state;
    }

    private static Map<String, Object> productSnapshot(Product p) {
        Map<String, Object> state = new HashMap<>();
        state.put("code", p.code);
        state.put("name", p.name);
        state.put("productSet", p.productSet);
        state.put("externalRef", p.externalRef);
        return state;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static void addText(Set<String> set, JsonNode node) {
        String text = text(node);
        if (text != null) {
            set.add(text);
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
