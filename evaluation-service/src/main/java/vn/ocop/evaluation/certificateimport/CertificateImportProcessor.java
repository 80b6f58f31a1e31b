package vn.ocop.evaluation.certificateimport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import vn.ocop.evaluation.certificateimport.CertificateImportViews.RowError;
import vn.ocop.platform.imports.ImportQueue;
import vn.ocop.platform.imports.ImportWorker;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.time.LegalClock;

/**
 * Runs queued certificate imports on the platform's import machinery ({@link ImportWorker}): batches of rows, each
 * certificate, its outbox event and its row result committing together, so a bad row is reported (row, field, reason)
 * with nothing written for it. A job whose service stopped mid-file goes back to the queue and resumes after the last
 * row it finished.
 */
@ApplicationScoped
public class CertificateImportProcessor extends ImportWorker<MigratedCertificates.Result> {
    private final ImportQueue queue = new ImportQueue("certificate_import_job", ImportQueue.OnStale.REQUEUE);

    @Inject
    LegalClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    MigratedCertificates migrated;

    @Inject
    EntityManager entityManager;

    private volatile Map<String, String> provinces;

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
        CertificateImportJob job = CertificateImportJob.findById(id);
        return new Job(job.id, job.scopeProvince, job.createdBy, job.processedRows, Rows.read(json, job.mediaType, job.content));
    }

    @Override
    protected MigratedCertificates.Result apply(Job job, Rows.Row row) {
        return migrated.bringIn(row, job.scopeProvince(), provinceSuccession(), clock.today());
    }

    @Override
    protected MigratedCertificates.Result failed(Job job, Rows.Row row, RuntimeException cause) {
        return MigratedCertificates.Result.failed(List.of(new RowError("row", "could not be stored ("
                + cause.getClass().getSimpleName() + "); send it again")), null);
    }

    @Override
    protected void store(Job job, List<Integer> rowNumbers, List<MigratedCertificates.Result> results) {
        for (int i = 0; i < results.size(); i++) {
            MigratedCertificates.Result result = results.get(i);
            CertificateImportRow stored = new CertificateImportRow();
            stored.jobId = job.id();
            stored.rowNumber = rowNumbers.get(i);
            stored.outcome = result.outcome();
            stored.certificateNumber = result.certificateNumber();
            stored.certificateId = result.certificateId();
            try {
                stored.errors = result.errors().isEmpty() ? null : json.writeValueAsString(result.errors());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("row errors are not serialisable", e);
            }
            stored.persist();
        }
    }

    @Override
    protected String outcome(MigratedCertificates.Result result) {
        return result.outcome().name();
    }

    /** The province codes an issuer may have printed, each with the unit it is now: reference data, read once. */
    @SuppressWarnings("unchecked")
    private Map<String, String> provinceSuccession() {
        if (provinces == null) {
            Map<String, String> successors = new HashMap<>();
            for (Object[] r : (List<Object[]>) entityManager
                    .createNativeQuery("select code, merged_into from province_succession").getResultList()) {
                successors.put((String) r[0], (String) r[1]);
            }
            provinces = Map.copyOf(successors);
        }
        return provinces;
    }
}
