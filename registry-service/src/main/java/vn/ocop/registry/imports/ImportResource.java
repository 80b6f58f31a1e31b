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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    /** Two rows as a JSON array; for NDJSON the platform's OpenAPI filter prints each element as one line. */
    private static final String ROWS_EXAMPLE = """
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
            description = "The body is a table of ImportRow (a producer row: type, externalRef and the fields of "
                    + "ProducerRequest; a product row: type, externalRef, producerRef and the fields of ProductRequest) "
                    + "in one of three forms: a JSON array of rows, NDJSON (one row object per line) or CSV (a header "
                    + "line naming the columns, nested fields dotted, e.g. representative.fullName; an empty cell is a "
                    + "field not given). All three are read as strictly as any request body, before anything is queued: "
                    + "a file that is not UTF-8 or not readable, a row that is not an object, a duplicate key, a "
                    + "missing or unknown type, a column the row's type does not have, a value of the wrong JSON type "
                    + "and text with control characters (other than newline and tab) are a 400 MALFORMED_REQUEST "
                    + "whose violations name the row as its index in the JSON form (row number - 1) and the field, "
                    + "e.g. [2].representative.gender (the first 20; the detail counts them all); nothing is queued. "
                    + "What needs the registry's data (a missing required field, an unknown commune, a tax code "
                    + "taken, a producerRef not imported) fails that row only, as the job's per-row results say. "
                    + "communeCode may be a former commune's code or name, mapped as in producer registration.")
    @APIResponse(responseCode = "202", description = "Queued; Location names the job to poll",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    // The JSON form's schema (an array of ImportRow) is made by ImportRowSchemas, with the row schemas.
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, example = ROWS_EXAMPLE),
            @Content(mediaType = Rows.NDJSON, schema = @Schema(type = SchemaType.STRING,
                    description = "One ImportRow object per line (UTF-8, LF or CRLF; blank lines are skipped)"),
                    examples = @ExampleObject(name = "ndjson", value = ROWS_EXAMPLE)),
            @Content(mediaType = Rows.CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180 CSV in UTF-8: a header line of ImportRow columns (type, externalRef, "
                            + "producerRef and the request fields, nested ones dotted: representative.fullName, "
                            + "representative.gender, ...) in any order, then one row per line"),
                    examples = @ExampleObject(name = "csv", value = """
                    type,externalRef,producerRef,name,kind,taxCode,provinceCode,communeCode,representative.fullName,representative.gender,productSet
                    producer,QN-HTX-1,,HTX Tỏi Lý Sơn,COOPERATIVE,4300861254,51,21548,Trương Thị Hoa,FEMALE,
                    product,QN-SP-1,QN-HTX-1,Tỏi Lý Sơn,,,,21548,,,10"""))})
    public Response start(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          byte[] body) {
        String text = Rows.utf8(body);
        return idempotency.execute(idempotencyKey, "POST /api/v1/imports " + contentType, text, () -> {
            JobView job = imports.submit(contentType, text);
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
