package vn.ocop.registry.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.registry.imports.ImportViews.JobView;
import vn.ocop.registry.imports.ImportViews.RowError;
import vn.ocop.registry.imports.ImportViews.RowView;

/** Accepts bulk uploads (queued for {@link ImportProcessor}) and reports their progress and per-row results. */
@ApplicationScoped
public class ImportService {
    static final int MAX_ROWS = 100_000;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Inject
    ImportProcessor processor;

    @Inject
    EntityManager entityManager;

    @Inject
    RowShape shape;

    @Transactional
    public JobView submit(String mediaType, String body) {
        String scopeProvince = null;
        if (!user.hasRole(Roles.CENTRAL_OFFICER)) {
            scopeProvince = user.province().orElseThrow(() -> ApiException.forbidden("OUT_OF_SCOPE", "Your token names no province"));
        }
        // Read once now so that a malformed upload is refused at once, with nothing queued.
        int rows = shape.read(mediaType, body).size();
        if (rows == 0) {
            throw ApiException.invalidField("body", "contains no rows");
        }
        if (rows > MAX_ROWS) {
            throw ApiException.invalidField("body", "has " + rows + " rows; split it into uploads of at most " + MAX_ROWS);
        }
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.status = ImportJob.Status.QUEUED;
        job.mediaType = mediaType == null ? "application/json" : mediaType;
        job.content = body;
        job.scopeProvince = scopeProvince;
        job.totalRows = rows;
        job.createdBy = user.actor();
        job.createdAt = Instant.now();
        job.persist();
        JobView view = JobView.of(job, null);
        audit.record("import.queued", "import", job.id, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JobView get(UUID id) {
        ImportJob job = load(id);
        return JobView.of(job, job.status == ImportJob.Status.QUEUED ? processor.queue().positions(entityManager).get(id) : null);
    }

    /** Cancels a queued job at once, a running one after the batch in hand; rows already written stay, whole. */
    @Transactional
    public JobView cancel(UUID id) {
        ImportJob job = load(id);
        if (job.status != ImportJob.Status.QUEUED && job.status != ImportJob.Status.RUNNING) {
            throw ApiException.conflict("IMPORT_FINISHED", "Import " + id + " has already ended (" + job.status + ")");
        }
        JobView before = JobView.of(job, null);
        processor.queue().cancel(entityManager, id);
        entityManager.refresh(job);
        JobView after = JobView.of(job, null);
        audit.record("import.cancelled", "import", id, before, after);
        return after;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RowView> rows(UUID id, ImportRowResult.Outcome outcome, PageRequest page) {
        load(id);
        String query = "jobId = :job" + (outcome == null ? "" : " and outcome = :outcome");
        Parameters params = Parameters.with("job", id);
        if (outcome != null) {
            params.and("outcome", outcome);
        }
        return Page.of(ImportRowResult.find(query, Sort.by("rowNumber"), params), page, this::view);
    }

    private ImportJob load(UUID id) {
        ImportJob job = ImportJob.findById(id);
        // A job's existence is not public: outside its scope it answers exactly like a missing one.
        boolean allowed = job != null && (user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)
                || job.createdBy.equals(user.actor())
                || (job.scopeProvince != null && user.hasRole(Roles.PROVINCE_OFFICER)
                        && user.province().filter(job.scopeProvince::equals).isPresent()));
        if (!allowed) {
            throw ApiException.notFound("Import", id);
        }
        return job;
    }

    private RowView view(ImportRowResult r) {
        List<RowError> errors = List.of(); // a row written has none: an empty array, as the document says, never null
        if (r.errors != null) {
            try {
                errors = json.readValue(r.errors, new TypeReference<List<RowError>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored row errors are unreadable", e);
            }
        }
        return new RowView(r.rowNumber, r.outcome, r.entityType, r.entityId, r.externalRef, errors);
    }
}
