package vn.ocop.evaluation.certificateimport;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.evaluation.certificateimport.CertificateImportViews.JobView;
import vn.ocop.evaluation.certificateimport.CertificateImportViews.RowView;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.ratelimit.RateLimited;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.BodyLimit;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/certificate-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificate imports", description = "Bringing in certificates issued before this system (CSV or NDJSON), "
        + "processed in the background; each becomes a certificate like any other")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
public class CertificateImportResource {
    /** Written as a JSON array because the platform's OpenAPI filter prints each element as one NDJSON line. */
    private static final String NDJSON_EXAMPLE = """
            [{"productCode":"51-21548-10-2025","certificateNumber":"123/QĐ-UBND","stars":4,"level":"PROVINCE","provinceCode":"51","decisionNumber":"123/QĐ-UBND","decidedOn":"2024-03-15","criteriaInstrument":"148/QĐ-TTg","score":78.5},
            {"productCode":"51-21548-11-2025","certificateNumber":"2219/QĐ-BNN-VPĐP","stars":5,"level":"CENTRAL","decisionNumber":"2219/QĐ-BNN-VPĐP","decidedOn":"2023-06-20","validUntil":"2026-12-31","criteriaInstrument":"148/QĐ-TTg"}]""";

    @Inject
    CertificateImportService imports;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes({Rows.CSV, Rows.NDJSON})
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @Extension(name = RateLimited.EXTENSION, value = "imports")
    @BodyLimit(value = "ocop.evaluation.certificate-imports.max-bytes", code = "PAYLOAD_TOO_LARGE")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: the file is over 8 MiB (ocop.evaluation.certificate-imports.max-bytes), declared or chunked; split it, nothing is queued")
    @ScopeRule(value = ScopeRule.Kind.NONE, detail = "Each row is checked on its own: a row outside the caller's province fails in the job's rows.")
    @Operation(operationId = "startCertificateImport",
            summary = "Queue an import of existing certificates; a row sent again with the same number and content changes nothing")
    @APIResponse(responseCode = "202", description = "Queued; Location names the job to poll",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "415", description = "Neither CSV nor NDJSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = {
            @Content(mediaType = Rows.CSV, examples = @ExampleObject(name = "csv", value = """
                    productCode,certificateNumber,stars,level,provinceCode,decisionNumber,decidedOn,validUntil,criteriaInstrument,score
                    51-21548-10-2025,123/QĐ-UBND,4,PROVINCE,51,123/QĐ-UBND,2024-03-15,,148/QĐ-TTg,78.5
                    51-21548-12-2025,"Số 45/GCN-OCOP",3,PROVINCE,62,1077/QĐ-UBND,2021-11-02,2025-12-31,1048/QĐ-TTg,""")),
            @Content(mediaType = Rows.NDJSON, examples = @ExampleObject(name = "ndjson", value = NDJSON_EXAMPLE))})
    public Response start(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          String body) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/certificate-imports " + contentType, body, () -> {
            JobView job = imports.submit(contentType, body);
            return Response.accepted(job).location(URI.create("/api/v1/certificate-imports/" + job.id())).build();
        });
    }

    @GET
    @Path("/{id}")
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "A job is seen by central officers, auditors and the officers of its province.")
    @Operation(operationId = "getCertificateImport", summary = "Progress and totals of a certificate import")
    public JobView get(@PathParam("id") UUID id) {
        return imports.get(id);
    }

    @GET
    @Path("/{id}/rows")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "listCertificateImportRows",
            summary = "Per-row outcome: CREATED, UNCHANGED, or FAILED with (field, reason)")
    public Page<RowView> rows(@PathParam("id") UUID id,
                              @QueryParam("outcome") @Parameter(schema = @Schema(implementation = CertificateImportRow.Outcome.class), description = "CREATED, UNCHANGED or FAILED", example = "FAILED") String outcome,
                              @BeanParam PageRequest page) {
        return imports.rows(id, QueryParams.enumValue(CertificateImportRow.Outcome.class, "outcome", outcome), page);
    }
}
