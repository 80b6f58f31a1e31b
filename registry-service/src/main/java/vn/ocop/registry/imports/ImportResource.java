package vn.ocop.registry.imports;

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

import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.ratelimit.RateLimited;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.BodyLimit;
import vn.ocop.platform.web.QueryParams;
import vn.ocop.registry.imports.ImportViews.JobView;
import vn.ocop.registry.imports.ImportViews.RowView;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk import of producers and products (NDJSON, CSV or a JSON array), processed in the background")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
public class ImportResource {
    /** Two NDJSON rows, written as a JSON array because the platform's OpenAPI filter prints each element as one line. */
    private static final String NDJSON_EXAMPLE = """
            [{"type":"producer","externalRef":"QN-HTX-1","name":"HTX Tỏi Lý Sơn","kind":"COOPERATIVE","taxCode":"4300861254","provinceCode":"51","communeCode":"21548","representative":{"fullName":"Trương Thị Hoa","gender":"FEMALE"}},
            {"type":"product","externalRef":"QN-SP-1","producerRef":"QN-HTX-1","name":"Tỏi Lý Sơn","productSet":10,"communeCode":"21548"}]""";

    @Inject
    ImportService imports;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes({Rows.NDJSON, Rows.CSV, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @Extension(name = RateLimited.EXTENSION, value = "imports")
    @BodyLimit(value = "ocop.registry.imports.max-bytes", code = "PAYLOAD_TOO_LARGE")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: the file is over 8 MiB (ocop.registry.imports.max-bytes), declared or chunked; split it, nothing is queued")
    @ScopeRule(value = ScopeRule.Kind.NONE, detail = "Each row is checked on its own: a row outside the caller's province fails with OUT_OF_SCOPE in the job's rows.")
    @Operation(operationId = "startImport", summary = "Queue an import; rows with the same externalRef as an earlier import update that record",
            description = "Producer rows take type, externalRef and the fields of ProducerRequest (nested ones dotted, e.g. "
                    + "representative.fullName); product rows take type, externalRef, producerRef and the fields of "
                    + "ProductRequest. A row with any other column fails with that column as field and the allowed columns "
                    + "in reason. communeCode may be a former commune's code or name, mapped as in producer registration.")
    @APIResponse(responseCode = "202", description = "Queued; Location names the job to poll",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @RequestBody(required = true, content = {
            @Content(mediaType = Rows.NDJSON, examples = @ExampleObject(name = "ndjson", value = NDJSON_EXAMPLE)),
            @Content(mediaType = Rows.CSV, examples = @ExampleObject(name = "csv", value = """
                    type,externalRef,producerRef,name,kind,taxCode,provinceCode,communeCode,representative.fullName,representative.gender,productSet
                    producer,QN-HTX-1,,HTX Tỏi Lý Sơn,COOPERATIVE,4300861254,51,21548,Trương Thị Hoa,FEMALE,
                    product,QN-SP-1,QN-HTX-1,Tỏi Lý Sơn,,,,21548,,,10"""))})
    public Response start(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          String body) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/imports " + contentType, body, () -> {
            JobView job = imports.submit(contentType, body);
            return Response.accepted(job).location(URI.create("/api/v1/imports/" + job.id())).build();
        });
    }

    @GET
    @Path("/{id}")
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "A job is seen by central officers, auditors and the officers of its province.")
    @Operation(operationId = "getImport", summary = "Progress and totals of an import",
            description = "status: QUEUED (queuePosition says how many jobs start before it, plus one), RUNNING, COMPLETED, "
                    + "FAILED, CANCELLED, or INTERRUPTED (the service stopped mid-file: rows up to processedRows were written "
                    + "whole, none after; send the file again to finish the rest).")
    public JobView get(@PathParam("id") UUID id) {
        return imports.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "cancelImport", summary = "Cancel an import before it finishes",
            description = "A QUEUED job is CANCELLED at once. A RUNNING job finishes the batch in hand (rows are written "
                    + "whole, with their events, or not at all) and then turns CANCELLED; cancelRequested shows the request "
                    + "meanwhile. Rows written before the cancel stay; sending the file again finishes the rest (rows "
                    + "already written come back UNCHANGED). Central officers, the job's sender, or officers of its province.")
    @APIResponse(responseCode = "200", description = "The job after the cancel request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "IMPORT_FINISHED: the job has already ended (COMPLETED, FAILED, CANCELLED or INTERRUPTED)")
    public JobView cancel(@PathParam("id") UUID id) {
        return imports.cancel(id);
    }

    @GET
    @Path("/{id}/rows")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "listImportRows", summary = "Per-row results: created, updated, unchanged, or failed with (field, reason)")
    public Page<RowView> rows(@PathParam("id") UUID id,
                              @QueryParam("outcome") @Parameter(schema = @Schema(implementation = ImportRowResult.Outcome.class), description = "CREATED, UPDATED, UNCHANGED or FAILED", example = "FAILED") String outcome,
                              @BeanParam PageRequest page) {
        // A wrong filter is refused before the job is looked up: that 400 is the same for every id, so it tells nothing.
        return imports.rows(id, QueryParams.enumValue(ImportRowResult.Outcome.class, "outcome", outcome), page);
    }
}
