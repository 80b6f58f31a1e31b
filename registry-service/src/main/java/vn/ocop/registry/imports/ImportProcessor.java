package vn.ocop.registry.imports;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import vn.ocop.platform.imports.ImportQueue;
import vn.ocop.platform.imports.ImportWorker;
import vn.ocop.platform.imports.Rows;
import vn.ocop.registry.product.ProductCodes;

/**
 * Runs queued imports on the platform's import machinery ({@link ImportWorker}): batches of rows, each row written by
 * {@link ImportRows} through the producer and product services, the batch's row results and progress committing with
 * it. A job whose service stopped mid-file ends INTERRUPTED; sending the file again finishes it (rows already written
 * come back UNCHANGED).
 */
@ApplicationScoped
public class ImportProcessor extends ImportWorker<ImportRowResult> {
    private static final Logger LOG = Logger.getLogger(ImportProcessor.class);

    private final ImportQueue queue = new ImportQueue("import_job", ImportQueue.OnStale.INTERRUPT);

    @Inject
    ObjectMapper json;

    @Inject
    ImportRows rows;

    @Inject
    BatchLookups lookups;

    @Inject
    CodeForecast codes;

    @Inject
    ProductCodes productCodes;

    @Inject
    EntityManager entityManager;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        poll();
    }

    @Override
    protected ImportQueue queue() {
        return queue;
    }

    @Override
    protected EntityManager entityManager() {
        return entityManager;
    }

    @Override
    protected Job load(UUID id) {
        ImportJob job = ImportJob.findById(id);
        return new Job(job.id, job.scopeProvince, job.createdBy, job.processedRows, Rows.read(json, job.mediaType, job.content));
    }

    @Override
    protected void prepare(Job job, List<Rows.Row> batch) {
        lookups.prefetch(batch);
        codes.reserve(batch);
    }

    @Override
    protected void beforeFlush(Job job) {
        productCodes.release();
    }

    @Override
    protected ImportRowResult apply(Job job, Rows.Row row) {
        // The batch's records stay in the session until its one flush: a product row finds its producer there.
        return rows.apply(job, row);
    }

    @Override
    protected ImportRowResult failed(Job job, Rows.Row row, RuntimeException cause) {
        LOG.debugf("Import %s: row %d refused: %s", job.id(), row.number(), cause);
        return rows.refused(row, cause);
    }

    /** One multi-row insert for the batch's results. */
    @Override
    protected void store(Job job, List<Integer> rowNumbers, List<ImportRowResult> results) {
        StringBuilder sql = new StringBuilder("insert into import_row_result (job_id, row_number, outcome, entity_type, entity_id,"
                + " external_ref, errors) values ");
        for (int i = 0; i < results.size(); i++) {
            int p = i * 7;
            sql.append(i == 0 ? "" : ", ").append("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d)".formatted(p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7));
        }
        NativeQuery<?> insert = entityManager.createNativeQuery(sql.toString()).unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("import_row_result"); // invalidates that table only, not the whole second-level cache
        int p = 1;
        for (int i = 0; i < results.size(); i++) {
            ImportRowResult r = results.get(i);
            insert.setParameter(p++, job.id()).setParameter(p++, rowNumbers.get(i)).setParameter(p++, r.outcome.name())
                    .setParameter(p++, r.entityType, String.class).setParameter(p++, r.entityId, UUID.class)
                    .setParameter(p++, r.externalRef, String.class).setParameter(p++, r.errors, String.class);
        }
        insert.executeUpdate();
    }

    @Override
    protected String outcome(ImportRowResult result) {
        return result.outcome.name();
    }
}
