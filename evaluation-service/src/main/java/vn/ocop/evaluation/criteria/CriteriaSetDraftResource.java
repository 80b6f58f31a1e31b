package vn.ocop.evaluation.criteria;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import vn.ocop.evaluation.criteria.sheet.SheetProblem;
import vn.ocop.evaluation.criteria.sheet.SheetTable;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.platform.files.FileContent;
import vn.ocop.platform.files.FilePart;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.CurrentUser;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.BodyLimit;
import vn.ocop.platform.web.TextRules;

/** Score sheets from the programme office's spreadsheets: upload (XLSX or CSV) → preview → publish. */
@Path("/api/v1/criteria-set-drafts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria sets", description = "Versioned score sheets (bộ tiêu chí) per decision and product set")
@SecurityRequirement(name = "bearer")
public class CriteriaSetDraftResource {
    private static final String CSV_EXAMPLE = """
            kind,code,text,points,stars
            SET,id,QD26-2026-S02,,
            SET,title,"Bộ sản phẩm 2: …",,
            SET,productSet,2,,
            SET,decision,26/2026/QĐ-TTg,,
            SET,effectiveFrom,2026-05-22,,
            BAND,,,90,5
            PART,A,Sản phẩm và sức mạnh cộng đồng,40,
            GROUP,1,Tổ chức sản xuất,18,
            CRITERION,1.1,Nguồn nguyên liệu sản xuất tại địa phương (xã),3,
            OPTION,1.1.a,Dưới 50%,1,
            OPTION,1.1.c,Từ 75% trở lên,3,3
            KNOCKOUT,KO-FORGED,"Hồ sơ giả mạo, khai báo không trung thực",,
            """;

    @Inject
    CriteriaSetDraftService drafts;

    @Inject
    Idempotency idempotency;

    @Inject
    CurrentUser user;

    @POST
    @Consumes({SheetTable.XLSX, SheetTable.CSV, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.CENTRAL_OFFICER)
    @BodyLimit(value = "ocop.evaluation.criteria-sheets.max-bytes", code = "SHEET_TOO_LARGE")
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "uploadCriteriaSheet", summary = "Upload a criteria sheet (XLSX or CSV in the documented layout, "
            + "integration guide \"Loading score sheets\"); a valid sheet becomes a draft to preview and publish, a sheet with "
            + "any problem stores nothing and lists every problem with its sheet, row and column")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(type = SchemaType.OBJECT, requiredProperties = FilePart.FIELD, properties = @SchemaProperty(
                            name = FilePart.FIELD, type = SchemaType.STRING, format = "binary",
                            description = "The criteria sheet, XLSX or CSV (typed by its content when labelled application/octet-stream)")),
                    examples = @ExampleObject(name = "form", summary = "The workbook as the form part file",
                            value = "{\"file\": \"PK… (bo-tieu-chi-02.xlsx, 14210 bytes)\"}")),
            @Content(mediaType = SheetTable.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "xlsx", summary = "The workbook (raw bytes)", value = "PK… (bo-tieu-chi-02.xlsx, 14210 bytes)")),
            @Content(mediaType = SheetTable.CSV, examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "bytes", summary = "A workbook or CSV without a declared type: typed by its content",
                            value = "PK… (bo-tieu-chi-02.xlsx, 14210 bytes)"))})
    @APIResponse(responseCode = "201", description = "A draft; Location names its preview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CriteriaSetDraftView.class)))
    @APIResponse(responseCode = "400", description = "INVALID_CRITERIA_SHEET: every problem in errors (sheet, row, column, code, "
            + "message); UNREADABLE_SHEET: not a workbook, a zip bomb, broken UTF-8; MALFORMED_REQUEST: a multipart body that cannot be read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = SheetProblem.class)))
    @APIResponse(responseCode = "413", description = "SHEET_TOO_LARGE: over 2 MiB (ocop.evaluation.criteria-sheets.max-bytes), declared or chunked, or over 2 000 rows; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_SHEET_TYPE: neither XLSX nor CSV; UNSUPPORTED_MEDIA_TYPE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                           @QueryParam("fileName") @Parameter(description = "Original file name", example = "bo-tieu-chi-02.xlsx") String fileName,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           byte[] content) {
        return store(idempotencyKey, fileName, contentType, content);
    }

    /** The same upload as a multipart/form-data file part; documented above as the operation's first media type. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.CENTRAL_OFFICER)
    @BodyLimit(value = "ocop.evaluation.criteria-sheets.max-bytes", code = "SHEET_TOO_LARGE")
    @Operation(hidden = true)
    public Response uploadPart(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @QueryParam("fileName") String fileName,
                               @RestForm(FilePart.FIELD) FileUpload file) {
        FilePart part = FilePart.of(file);
        return store(idempotencyKey, part.fileName(fileName), part.contentType(), part.content());
    }

    private Response store(String idempotencyKey, String fileName, String contentType, byte[] content) {
        if (fileName != null && (fileName.length() > 255 || !TextRules.isCleanLine(fileName))) {
            throw ApiException.invalidField("fileName", "at most 255 characters, without control characters");
        }
        // The key covers the file by its checksum, not its bytes: the stored request fingerprint stays small.
        String fingerprint = fileName + " " + contentType + " " + (content == null ? "" : FileContent.sha256(content));
        return idempotency.execute(idempotencyKey, "POST /api/v1/criteria-set-drafts", fingerprint, () -> {
            CriteriaSetDraftView view = drafts.upload(contentType, fileName, content, user.actor());
            return Response.created(URI.create(view.preview())).entity(view).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "previewCriteriaSheet",
            summary = "Preview a draft: the criteria set exactly as getCriteriaSet will serve it once published")
    public CriteriaSet preview(@PathParam("id") UUID id) {
        return drafts.preview(id);
    }

    @GET
    @Path("/{id}/status")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "getCriteriaSheetDraft", summary = "What was uploaded, by whom, and whether the draft is published")
    public CriteriaSetDraftView status(@PathParam("id") UUID id) {
        return drafts.get(id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.CENTRAL_OFFICER)
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "publishCriteriaSheet",
            summary = "Publish a draft as the criteria set version it names, with its decision and effective dates; once only")
    @APIResponse(responseCode = "201", description = "Published; Location names the criteria set version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CriteriaSet.class)))
    @APIResponse(responseCode = "409", description = "CRITERIA_SET_IMMUTABLE: the draft, or a version with its id, is already published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") UUID id,
                            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/criteria-set-drafts/" + id + "/publish", id.toString(), () -> {
            CriteriaSet set = drafts.publish(id, user.actor());
            return Response.created(URI.create("/api/v1/criteria-sets/" + set.id())).entity(set).build();
        });
    }
}
