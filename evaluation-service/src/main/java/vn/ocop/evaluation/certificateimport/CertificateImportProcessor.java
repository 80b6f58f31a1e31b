package vn.ocop.evaluation.certificateimport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import vn.ocop.evaluation.certificateimport.CertificateImportRow.Outcome;
import vn.ocop.evaluation.certificateimport.CertificateImportViews.RowError;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.time.LegalClock;

/**
 * Runs queued certificate imports in the background, one transaction per row: the row's certificate, its outbox event
 * and its result commit together, so a bad row is reported (row, field, reason) with nothing written for it, and a
 * restarted service resumes after the last row it finished.
 */
@ApplicationScoped
public class CertificateImportProcessor {
    private static final Logger LOG = Logger.getLogger(CertificateImportProcessor.class);

    @Inject
    LegalClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    MigratedCertificates migrated;

    @Inject
    EntityManager entityManager;

    /** A single worker per service instance: jobs interrupted by a restart go back to the queue. */
    void requeueInterrupted(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update certificate_import_job set status = 'QUEUED' where status = 'RUNNING'").executeUpdate());
    }

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
                update certificate_import_job set status = 'RUNNING', started_at = coalesce(started_at, now())
                where id = (select id from certificate_import_job where status = 'QUEUED' order by created_at limit 1
                            for update skip locked)
                returning id""").getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    void run(UUID jobId) {
        try {
            record Job(String scopeProvince, int done, List<Rows.Row> rows) {
            }
            Job job = QuarkusTransaction.requiringNew().call(() -> {
                CertificateImportJob entity = CertificateImportJob.findById(jobId);
                return new Job(entity.scopeProvince, entity.processedRows, Rows.read(json, entity.mediaType, entity.content));
            });
            Map<String, String> provinces = QuarkusTransaction.requiringNew().call(CertificateImportProcessor::provinceSuccession);
            for (Rows.Row row : job.rows().subList(Math.min(job.done(), job.rows().size()), job.rows().size())) {
                try {
                    QuarkusTransaction.requiringNew().run(() ->
                            record(jobId, row, migrated.bringIn(row, job.scopeProvince(), provinces, clock.today())));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Certificate import %s: row %d failed unexpectedly", jobId, row.number());
                    QuarkusTransaction.requiringNew().run(() -> record(jobId, row, MigratedCertificates.Result.failed(
                            List.of(new RowError("row", "could not be stored (" + e.getClass().getSimpleName()
                                    + "); send it again")), null)));
                }
            }
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update certificate_import_job set status = 'COMPLETED', finished_at = now() where id = ?1")
                    .setParameter(1, jobId).executeUpdate());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Certificate import %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update certificate_import_job set status = 'FAILED', error = ?2, finished_at = now() where id = ?1")
                    .setParameter(1, jobId).setParameter(2, "Unexpected error: " + e.getClass().getSimpleName()).executeUpdate());
        }
    }

    private void record(UUID jobId, Rows.Row row, MigratedCertificates.Result result) {
        CertificateImportRow stored = new CertificateImportRow();
        stored.jobId = jobId;
        stored.rowNumber = row.number();
        stored.outcome = result.outcome();
        stored.certificateNumber = result.certificateNumber();
        stored.certificateId = result.certificateId();
        try {
            stored.errors = result.errors().isEmpty() ? null : json.writeValueAsString(result.errors());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("row errors are not serialisable", e);
        }
        stored.persist();
        entityManager.createNativeQuery("""
                update certificate_import_job set processed_rows = greatest(processed_rows, ?2),
                    created_count = created_count + ?3, unchanged_count = unchanged_count + ?4, failed_count = failed_count + ?5
                where id = ?1""")
                .setParameter(1, jobId).setParameter(2, row.number())
                .setParameter(3, result.outcome() == Outcome.CREATED ? 1 : 0)
                .setParameter(4, result.outcome() == Outcome.UNCHANGED ? 1 : 0)
                .setParameter(5, result.outcome() == Outcome.FAILED ? 1 : 0)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> provinceSuccession() {
        Map<String, String> successors = new HashMap<>();
        for (Object[] r : (List<Object[]>) CertificateImportJob.getEntityManager()
                .createNativeQuery("select code, merged_into from province_succession").getResultList()) {
            successors.put((String) r[0], (String) r[1]);
        }
        return successors;
    }
}
