package vn.ocop.evaluation.certificateimport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.ocop.evaluation.certificateimport.CertificateImportViews.JobView;
import vn.ocop.evaluation.certificateimport.CertificateImportViews.RowError;
import vn.ocop.evaluation.certificateimport.CertificateImportViews.RowView;
import vn.ocop.platform.audit.AuditLog;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;

/** Accepts uploads of existing certificates (queued for {@link CertificateImportProcessor}) and reports their outcome. */
@ApplicationScoped
public class CertificateImportService {
    static final int MAX_ROWS = 20_000;

    @Inject
    CurrentUser user;

    @Inject
    ObjectMapper json;

    @Inject
    AuditLog audit;

    @Transactional
    public JobView submit(String mediaType, String body) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith(Rows.CSV) && !type.startsWith(Rows.NDJSON)) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "Send the certificates as CSV (" + Rows.CSV + ") or NDJSON (" + Rows.NDJSON + "), UTF-8");
        }
        String scopeProvince = null;
        if (!user.hasRole(Roles.CENTRAL_OFFICER)) {
            scopeProvince = user.province().orElseThrow(() -> ApiException.forbidden("OUT_OF_SCOPE", "Your token names no province"));
        }
        // Read once now so that an unreadable upload is refused at once, with nothing queued.
        int rows = Rows.read(json, mediaType, body).size();
        if (rows == 0) {
            throw ApiException.invalidField("body", "contains no rows");
        }
        if (rows > MAX_ROWS) {
            throw ApiException.invalidField("body", "has " + rows + " rows; split it into uploads of at most " + MAX_ROWS);
        }
        CertificateImportJob job = new CertificateImportJob();
        job.id = UUID.randomUUID();
        job.status = CertificateImportJob.Status.QUEUED;
        job.mediaType = mediaType;
        job.content = body;
        job.scopeProvince = scopeProvince;
        job.totalRows = rows;
        job.createdBy = user.actor();
        job.createdAt = Instant.now();
        job.persist();
        JobView view = JobView.of(job);
        audit.record("certificate-import.queued", "certificate_import", job.id, null, view);
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JobView get(UUID id) {
        return JobView.of(load(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RowView> rows(UUID id, CertificateImportRow.Outcome outcome, PageRequest page) {
        load(id);
        String query = "jobId = :job" + (outcome == null ? "" : " and outcome = :outcome");
        Parameters params = Parameters.with("job", id);
        if (outcome != null) {
            params.and("outcome", outcome);
        }
        return Page.of(CertificateImportRow.find(query, Sort.by("rowNumber"), params), page, this::view);
    }

    private CertificateImportJob load(UUID id) {
        CertificateImportJob job = CertificateImportJob.findById(id);
        // Another office's import is answered exactly like a missing one: that it exists is not public either.
        if (job == null || !mayRead(job)) {
            throw ApiException.notFound("Certificate import", id);
        }
        return job;
    }

    private boolean mayRead(CertificateImportJob job) {
        return user.hasRole(Roles.CENTRAL_OFFICER) || user.hasRole(Roles.AUDITOR)
                || job.createdBy.equals(user.actor())
                || (job.scopeProvince != null && user.hasRole(Roles.PROVINCE_OFFICER)
                        && user.province().filter(job.scopeProvince::equals).isPresent());
    }

    private RowView view(CertificateImportRow r) {
        List<RowError> errors = null;
        if (r.errors != null) {
            try {
                errors = json.readValue(r.errors, new TypeReference<List<RowError>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored row errors are unreadable", e);
            }
        }
        return new RowView(r.rowNumber, r.outcome, r.certificateNumber, r.certificateId, errors);
    }
}
