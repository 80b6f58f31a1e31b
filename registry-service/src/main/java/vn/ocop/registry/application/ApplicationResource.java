package vn.ocop.registry.application;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.BodyLimit;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.QueryParams;
import vn.ocop.registry.application.ApplicationViews.ApplicationView;
import vn.ocop.registry.application.ApplicationViews.DocumentView;
import vn.ocop.registry.application.ApplicationViews.TransitionView;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Registration dossiers (hồ sơ đăng ký): Form 01, Form 02, documents, commune review, provincial intake")
@SecurityRequirement(name = "bearer")
public class ApplicationResource {
    private static final String BASE = "/api/v1/applications";

    /**
     * An operation that reads no body still refuses one it cannot read (InputGuard, the class's @Consumes); the
     * platform documents that 415 only where a request body is declared, so these operations say it themselves.
     */
    private static final String NO_BODY_415 = "UNSUPPORTED_MEDIA_TYPE: a Content-Type other than application/json, or a POST "
            + "body without Content-Type (the operation reads no body: send none)";
    private static final String NO_BODY_415_EXAMPLE = "{\"type\": \"/problems/unsupported-media-type\", "
            + "\"title\": \"Unsupported Media Type\", \"status\": 415, \"code\": \"UNSUPPORTED_MEDIA_TYPE\", "
            + "\"detail\": \"The request has a body but no Content-Type header; send the media type the operation documents\"}";

    private static final String UPDATE_EXAMPLE = """
            {"form01": {"unitName": "Hợp tác xã Nông nghiệp Tỏi Lý Sơn", "legalRepresentative": "Trương Thị Hoa",
              "representativeTitle": "Giám đốc", "address": "Thôn Đông, đặc khu Lý Sơn, tỉnh Quảng Ngãi",
              "phone": "0255 3867 215", "email": "htx.toilyson@example.org", "productName": "Tỏi Lý Sơn",
              "productGroup": "Thực phẩm / Gia vị / Gia vị khác", "sampleCount": 5},
             "form02": {"selfScores": [{"criterionCode": "A.1.1", "score": 3}, {"criterionCode": "A.1.2", "score": 2}],
              "evidence": [{"criterionCode": "A.1.1", "description": "Hợp đồng liên kết vùng nguyên liệu 2025"}],
              "businessResults": "Doanh thu 2025: 4,2 tỷ đồng; 60 hộ liên kết trồng tỏi",
              "businessPlan": "Mở rộng vùng trồng thêm 10 ha, xuất khẩu sang Nhật Bản"}}""";

    @Inject
    ApplicationService applications;

    @Inject
    ApplicationQueries queries;

    @Inject
    ApplicationDocuments documents;

    @Inject
    Idempotency idempotency;

    @POST
    @RolesAllowed({Roles.PRODUCER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "A producer files for its own products, a commune or province officer for products of its area.")
    @Operation(operationId = "createApplication", summary = "Draft a dossier for one of the caller's products, or (an officer of its commune or province) on its producer's behalf")
    @APIResponse(responseCode = "201", description = "Drafted; Location names it, ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                           @NotNull ApplicationRequests.Create request) {
        return idempotency.execute(idempotencyKey, "POST " + BASE, request, () -> {
            ApplicationView created = applications.create(request);
            return Response.created(URI.create(BASE + "/" + created.id()))
                    .header(HttpHeaders.ETAG, Etag.of(created.version())).entity(created).build();
        });
    }

    @GET
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "A producer sees its own dossiers, a commune or province officer those of its area; council members and channel operators none.")
    @Operation(operationId = "listApplications", summary = "List dossiers in the caller's scope; overdue=true lists commune reviews past their working-day deadline")
    public Page<ApplicationView> list(@QueryParam("status") @Parameter(schema = @Schema(implementation = ApplicationStatus.class), description = "e.g. SUBMITTED") String status,
                                      @QueryParam("kind") @Parameter(schema = @Schema(implementation = ApplicationKind.class), description = "FIRST_RATING, UPGRADE or RE_RATING") String kind,
                                      @QueryParam("productId") UUID productId,
                                      @QueryParam("overdue") @Parameter(description = "true: only commune reviews past due",
                                              schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
                                      @QueryParam("province") String province,
                                      @BeanParam PageRequest page) {
        return queries.list(QueryParams.enumValue(ApplicationStatus.class, "status", status),
                QueryParams.enumValue(ApplicationKind.class, "kind", kind), productId, bool("overdue", overdue), province, page);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "A dossier is seen by its producer, the officers of its commune and province, inspectors of its province, central officers and auditors.")
    @Operation(operationId = "getApplication", summary = "Get a dossier with its checklist and review deadline")
    @APIResponse(responseCode = "200", description = "The dossier; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response get(@PathParam("id") UUID id) {
        ApplicationView view = queries.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PRODUCER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "updateApplication", summary = "Change Form 01 and Form 02 of a draft or returned dossier; requires If-Match")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationRequests.Update.class),
            examples = @ExampleObject(name = "toiLySon", summary = "Forms 01 and 02 of Tỏi Lý Sơn", value = UPDATE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; ETag carries the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull ApplicationRequests.Update request) {
        ApplicationView view = applications.update(id, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.PRODUCER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "submitApplication", summary = "File the dossier at the commune (again, after a return)")
    @APIResponse(responseCode = "200", description = "Submitted (status SUBMITTED, receipt number and review deadline set)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "415", description = NO_BODY_415, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "UNSUPPORTED_MEDIA_TYPE", value = NO_BODY_415_EXAMPLE)))
    public Response submit(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                           @PathParam("id") UUID id) {
        return idempotency.execute(idempotencyKey, "POST " + BASE + "/" + id + "/submit", null,
                () -> ok(applications.submit(id)));
    }

    @POST
    @Path("/{id}/commune-review")
    @RolesAllowed(Roles.COMMUNE_OFFICER)
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "Only the officers of the dossier's commune.")
    @Operation(operationId = "reviewApplicationAtCommune", summary = "Record the commune's Form 03 and samples and forward the dossier to the province",
            description = "An officer of the dossier's commune; not the officer who filed it on the producer's behalf "
                    + "(409 REVIEWER_FILED_IT): another officer of the commune reviews it.")
    @APIResponse(responseCode = "200", description = "Reviewed (status COMMUNE_REVIEWED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response communeReview(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                                  @PathParam("id") UUID id, @NotNull ApplicationRequests.CommuneReview request) {
        return idempotency.execute(idempotencyKey, "POST " + BASE + "/" + id + "/commune-review", request,
                () -> ok(applications.communeReview(id, request)));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.PROVINCE_OFFICER, Roles.CENTRAL_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "acceptApplication", summary = "Accept the dossier into an evaluation round (announces ApplicationSubmitted)")
    @APIResponse(responseCode = "200", description = "Accepted (status ACCEPTED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response accept(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                           @PathParam("id") UUID id, ApplicationRequests.Accept request) {
        return idempotency.execute(idempotencyKey, "POST " + BASE + "/" + id + "/accept", request,
                () -> ok(applications.accept(id, request)));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.PROVINCE_OFFICER, Roles.CENTRAL_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "returnApplication", summary = "Return the dossier to the producer for completion, with reasons")
    @APIResponse(responseCode = "200", description = "Returned (status RETURNED, with the reasons)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response returnForCompletion(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                                        @PathParam("id") UUID id, @NotNull ApplicationRequests.Return request) {
        return idempotency.execute(idempotencyKey, "POST " + BASE + "/" + id + "/return", request,
                () -> ok(applications.returnForCompletion(id, request)));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.PRODUCER)
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "Only the producer that owns it.")
    @Operation(operationId = "withdrawApplication", summary = "Withdraw the dossier (announces ApplicationWithdrawn)")
    @APIResponse(responseCode = "200", description = "Withdrawn (status WITHDRAWN)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response withdraw(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                             @PathParam("id") UUID id, @NotNull ApplicationRequests.Withdraw request) {
        return idempotency.execute(idempotencyKey, "POST " + BASE + "/" + id + "/withdraw", request,
                () -> ok(applications.withdraw(id, request)));
    }

    @GET
    @Path("/{id}/history")
    @Authenticated
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "getApplicationHistory", summary = "Every transition of the dossier: who, when, from, to, why")
    public List<TransitionView> history(@PathParam("id") UUID id) {
        return queries.history(id);
    }

    @POST
    @Path("/{id}/documents")
    @Consumes({"application/pdf", "image/jpeg", "image/png", MediaType.WILDCARD})
    @RolesAllowed({Roles.PRODUCER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER})
    @BodyLimit(value = "ocop.registry.documents.max-bytes", code = "DOCUMENT_TOO_LARGE")
    @APIResponse(responseCode = "413", description = "DOCUMENT_TOO_LARGE: the file is over 10 MiB (ocop.registry.documents.max-bytes), declared or chunked; nothing is stored")
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "A missing or unknown type query parameter is 400 for any dossier, before it is looked up.")
    @Operation(operationId = "uploadApplicationDocument",
            summary = "Upload a dossier file (PDF, JPEG or PNG): a multipart/form-data part named file, or the raw file as the body")
    // multipart/form-data comes first: generators build their method from the first media type, and a file part is what
    // every generated client can send (the raw types stay for curl and hand-written clients).
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(type = SchemaType.OBJECT, requiredProperties = FilePart.FIELD, properties = @SchemaProperty(
                            name = FilePart.FIELD, type = SchemaType.STRING, format = "binary", description = FilePart.DESCRIPTION)),
                    examples = @ExampleObject(name = "form", summary = "A scanned business registration as the form part file",
                            value = "{\"file\": \"%PDF-1.7 … (dang-ky-kinh-doanh.pdf, 248113 bytes)\"}")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "pdf", summary = "A scanned business registration (raw bytes of the file)",
                            value = "%PDF-1.7 … (giấy chứng nhận đăng ký hợp tác xã, 248113 bytes)")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "jpeg", summary = "A photo of the product label (raw bytes of the file)",
                            value = "ÿØÿà … (nhan-san-pham.jpg, 512000 bytes)")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "png", summary = "A scanned test report (raw bytes of the file)",
                            value = "‰PNG … (phieu-kiem-nghiem.png, 301422 bytes)"))})
    @APIResponse(responseCode = "201", description = "Stored; Location names the document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public Response upload(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                           @PathParam("id") UUID id,
                           @QueryParam("type") @Parameter(schema = @Schema(implementation = DocumentType.class), description = "Document type, e.g. BUSINESS_REGISTRATION", required = true) String type,
                           @QueryParam("fileName") @Parameter(description = "Original file name", example = "dang-ky-kinh-doanh.pdf") String fileName,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           byte[] content) {
        DocumentType documentType = documentType(type);
        documents.requireMayUpload(id);
        return store(idempotencyKey, id, documentType, fileName, contentType, content);
    }

    /** The same upload as a multipart/form-data file part; documented above as the operation's first media type. */
    @POST
    @Path("/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.PRODUCER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER})
    @BodyLimit(value = "ocop.registry.documents.max-bytes", code = "DOCUMENT_TOO_LARGE")
    @Operation(hidden = true)
    public Response uploadPart(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @PathParam("id") UUID id,
                               @QueryParam("type") @Parameter(schema = @Schema(implementation = DocumentType.class)) String type,
                               @QueryParam("fileName") String fileName,
                               @RestForm(FilePart.FIELD) FileUpload file) {
        DocumentType documentType = documentType(type);
        documents.requireMayUpload(id);
        FilePart part = FilePart.of(file);
        return store(idempotencyKey, id, documentType, part.fileName(fileName), part.contentType(), part.content());
    }

    /**
     * The query's document type, checked before the dossier is looked up: that 400 is the same for every id, so it
     * tells nothing; everything about the file itself is checked after the scope.
     */
    private static DocumentType documentType(String type) {
        DocumentType documentType = QueryParams.enumValue(DocumentType.class, "type", type);
        if (documentType == null) {
            throw ApiException.invalidField("type", "required");
        }
        return documentType;
    }

    private Response store(String idempotencyKey, UUID id, DocumentType documentType, String fileName, String contentType,
                           byte[] content) {
        // The key covers the file by its checksum, not its bytes: the stored request fingerprint stays small.
        String fingerprint = documentType + " " + fileName + " " + contentType + " "
                + (content == null ? "" : FileContent.sha256(content));
        return idempotency.execute(idempotencyKey, "POST " + BASE + "/" + id + "/documents", fingerprint, () -> {
            DocumentView view = documents.upload(id, documentType, fileName, contentType, content);
            return Response.created(URI.create(BASE + "/" + id + "/documents/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/{id}/documents")
    @Authenticated
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "listApplicationDocuments", summary = "List the dossier's files with their checksums")
    public List<DocumentView> documents(@PathParam("id") UUID id) {
        return documents.documents(id);
    }

    @GET
    @Path("/{id}/documents/{documentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Authenticated
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "downloadApplicationDocument", summary = "Download a dossier file")
    @APIResponse(responseCode = "200", description = "The file, with the content type it was uploaded with; Repr-Digest and ETag carry its SHA-256",
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "jpeg", value = "ÿØÿà … (a JPEG scan)")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "png", value = "‰PNG … (a PNG scan)")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "pdf", summary = "The raw bytes of dang-ky-kinh-doanh.pdf",
                            value = "%PDF-1.7 … (giấy chứng nhận đăng ký hợp tác xã, 248113 bytes)"))})
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        ApplicationDocuments.Download download = documents.download(id, documentId);
        DocumentView doc = download.document();
        return FileContent.download(download.content(), doc.contentType(), doc.fileName(), doc.sha256());
    }

    @DELETE
    @Path("/{id}/documents/{documentId}")
    @RolesAllowed({Roles.PRODUCER, Roles.COMMUNE_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "deleteApplicationDocument", summary = "Remove a file from a draft or returned dossier")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "415", description = NO_BODY_415, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "UNSUPPORTED_MEDIA_TYPE", value = NO_BODY_415_EXAMPLE)))
    public Response deleteDocument(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        documents.deleteDocument(id, documentId);
        return Response.noContent().build();
    }

    private static Response ok(ApplicationView view) {
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    private static boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidField(name, "must be true or false");
        };
    }
}
