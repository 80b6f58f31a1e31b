package vn.ocop.evaluation.session;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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

import io.quarkus.security.Authenticated;
import vn.ocop.platform.files.FileContent;
import vn.ocop.platform.files.FilePart;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.BodyLimit;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Council sessions, their agenda and closing a product")
@SecurityRequirement(name = "bearer")
public class SessionResource {

    /** Which product of the session to close. */
    public record CloseRequest(@NotNull UUID productId) {
    }

    @Inject
    SessionService sessions;

    @Inject
    ResultService results;

    @Inject
    AdvisoryReportService advisoryReports;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "A council outside the caller's scope named in the body answers 404.")
    @Operation(operationId = "createSession", summary = "Schedule a council session with the products to evaluate")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No council with that id, or one outside your scope (answered alike)")
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                           @NotNull SessionRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/sessions", request, () -> {
            SessionView created = sessions.create(request);
            return Response.created(URI.create("/api/v1/sessions/" + created.id())).entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "A council member sees only the sessions of its councils.")
    @Operation(operationId = "getSession", summary = "Get a session and the state of each product on it")
    public SessionView get(@PathParam("id") UUID id) {
        return sessions.get(id);
    }

    @GET
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "The council named by councilId answers 404 outside the caller's scope.")
    @Operation(operationId = "listSessions", summary = "List a council's sessions")
    @APIResponse(responseCode = "200", description = "A page of the council's sessions")
    @APIResponse(responseCode = "404", description = "No council with that id, or one outside your scope (answered alike)")
    public Page<SessionView> list(@QueryParam("councilId") @Parameter(description = "The council", required = true,
                                          schema = @Schema(type = SchemaType.STRING, format = "uuid")) String councilId,
                                  @BeanParam PageRequest page) {
        PageRequest checked = page.validated();
        return sessions.list(QueryParams.uuidValue("councilId", councilId), checked);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.COUNCIL_MEMBER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "closeSessionProduct", summary = "Close one product: quorum check, star rating, ProductRated")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultView.class)))
    public Response close(@PathParam("id") UUID id,
                          @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                          @NotNull CloseRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/sessions/" + id + "/close", request, () -> {
            ResultView result = results.close(id, request);
            return Response.created(URI.create("/api/v1/results/" + result.id())).entity(result).build();
        });
    }

    @POST
    @Path("/{id}/advisory-report")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "attachAdvisoryReport", summary = "Attach the advisory team's report (tổ tư vấn) to a session")
    @APIResponse(responseCode = "201", description = "Attached; the session with its advisory report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    public Response attachAdvisoryReport(@PathParam("id") UUID id,
                                         @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                                         @NotNull AdvisoryReportRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/sessions/" + id + "/advisory-report", request,
                () -> Response.status(201).entity(advisoryReports.attachAdvisoryReport(id, request)).build());
    }

    @POST
    @Path("/{id}/advisory-report/file")
    @Consumes({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @BodyLimit(value = "ocop.evaluation.report-files.max-bytes", code = "FILE_TOO_LARGE")
    @APIResponse(responseCode = "413", description = "FILE_TOO_LARGE: the file is over 10 MiB (ocop.evaluation.report-files.max-bytes), declared or chunked; nothing is stored")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "uploadAdvisoryReportFile",
            summary = "Upload the signed advisory report (PDF, JPEG or PNG, told by its content): a multipart/form-data part named file, or the raw file as the body")
    // multipart/form-data comes first: generators build their method from the first media type, and a file part is what
    // every generated client can send (the raw types stay for curl and hand-written clients).
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(type = SchemaType.OBJECT, requiredProperties = FilePart.FIELD, properties = @SchemaProperty(
                            name = FilePart.FIELD, type = SchemaType.STRING, format = "binary", description = FilePart.DESCRIPTION)),
                    examples = @ExampleObject(name = "form", summary = "The signed report as the form part file",
                            value = "{\"file\": \"%PDF-1.7 … (bao-cao-to-tu-van-2026-1.pdf, 248113 bytes)\"}")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "pdf", summary = "The signed report (raw bytes of the file)",
                            value = "%PDF-1.7 … (bao-cao-to-tu-van-2026-1.pdf, 248113 bytes)")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "jpeg", summary = "A scan of the signed report (raw bytes of the file)",
                            value = "ÿØÿà … (bao-cao-to-tu-van.jpg, 512000 bytes)")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "png", summary = "A scan of the signed report (raw bytes of the file)",
                            value = "‰PNG … (bao-cao-to-tu-van.png, 301422 bytes)")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "bytes", summary = "The signed report without a declared type: typed by its content",
                            value = "%PDF-1.7 … (bao-cao-to-tu-van-2026-1.pdf, 248113 bytes)"))})
    @APIResponse(responseCode = "201", description = "Stored; Location names the download",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdvisoryReportRequest.FileView.class)))
    public Response uploadReportFile(@PathParam("id") UUID id,
                                     @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                                     @QueryParam("fileName") @Parameter(description = "Original file name", example = "bao-cao-to-tu-van-2026-1.pdf") String fileName,
                                     @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                     byte[] content) {
        return storeReportFile(id, idempotencyKey, fileName, contentType, content);
    }

    /** The same upload as a multipart/form-data file part; documented above as the operation's first media type. */
    @POST
    @Path("/{id}/advisory-report/file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @BodyLimit(value = "ocop.evaluation.report-files.max-bytes", code = "FILE_TOO_LARGE")
    @Operation(hidden = true)
    public Response uploadReportFilePart(@PathParam("id") UUID id,
                                         @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                         @QueryParam("fileName") String fileName,
                                         @RestForm(FilePart.FIELD) FileUpload file) {
        FilePart part = FilePart.of(file);
        return storeReportFile(id, idempotencyKey, part.fileName(fileName), part.contentType(), part.content());
    }

    private Response storeReportFile(UUID id, String idempotencyKey, String fileName, String contentType, byte[] content) {
        // The key covers the file by its checksum, not its bytes: the stored request fingerprint stays small.
        String fingerprint = fileName + " " + contentType + " " + (content == null ? "" : FileContent.sha256(content));
        return idempotency.execute(idempotencyKey, "POST /api/v1/sessions/" + id + "/advisory-report/file", fingerprint, () -> {
            AdvisoryReportRequest.FileView view = advisoryReports.attachReportFile(id, fileName, contentType, content);
            return Response.created(URI.create(view.href())).entity(view).build();
        });
    }

    @GET
    @Path("/{id}/advisory-report/file")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Authenticated
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "downloadAdvisoryReportFile", summary = "Download the signed advisory report (whoever may read the session)")
    @APIResponse(responseCode = "200", description = "The file with its sniffed content type; Repr-Digest and ETag carry its SHA-256",
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "jpeg", value = "ÿØÿà … (a JPEG scan)")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "png", value = "‰PNG … (a PNG scan)")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "pdf", summary = "The raw bytes of bao-cao-to-tu-van-2026-1.pdf",
                            value = "%PDF-1.7 … (bao-cao-to-tu-van-2026-1.pdf, 248113 bytes)"))})
    public Response downloadReportFile(@PathParam("id") UUID id) {
        AdvisoryReportService.Download download = advisoryReports.reportFile(id);
        AdvisoryReportRequest.FileView file = download.file();
        return FileContent.download(download.content(), file.contentType(), file.fileName(), file.sha256());
    }
}
