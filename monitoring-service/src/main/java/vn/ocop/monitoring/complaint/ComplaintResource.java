package vn.ocop.monitoring.complaint;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import vn.ocop.monitoring.evidence.EvidenceResponses;
import vn.ocop.monitoring.evidence.EvidenceService;
import vn.ocop.monitoring.evidence.EvidenceView;
import vn.ocop.monitoring.inspection.InspectionScope;
import vn.ocop.monitoring.inspection.InspectionView;
import vn.ocop.platform.files.FilePart;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.ratelimit.RateLimited;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.BodyLimit;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints", description = "Complaints about OCOP products: anonymous intake, public status, provincial triage")
public class ComplaintResource {

    @Inject
    ComplaintService complaints;

    @Inject
    Idempotency idempotency;

    @POST
    @PermitAll
    @Extension(name = RateLimited.EXTENSION, value = "complaints")
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "fileComplaint", summary = "File a complaint about a product or certificate (no account needed); returns the case number")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintRequests.PublicStatus.class)))
    public Response file(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                         @NotNull @Valid ComplaintRequests.FileRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/complaints", request, () -> {
            ComplaintRequests.PublicStatus filed = complaints.file(request);
            return Response.created(URI.create("/api/v1/complaints/" + filed.caseNumber() + "/status")).entity(filed).build();
        });
    }

    @GET
    @Path("/{caseNumber}/status")
    @PermitAll
    @ScopeRule(value = ScopeRule.Kind.PUBLIC, detail = "Whoever holds the case number sees its status, without the complainant's details.")
    @Operation(operationId = "getComplaintStatus", summary = "Follow a complaint by its case number (public)")
    public ComplaintRequests.PublicStatus status(@PathParam("caseNumber") String caseNumber) {
        return complaints.publicStatus(caseNumber);
    }

    @GET
    @Path("/{caseNumber}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @SecurityRequirement(name = "bearer")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "getComplaint", summary = "A complaint with the filer's details (returns its ETag)")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintRequests.View.class)))
    public Response get(@PathParam("caseNumber") String caseNumber) {
        ComplaintRequests.View view = complaints.get(caseNumber);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @SecurityRequirement(name = "bearer")
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listComplaints", summary = "Complaints of the caller's province, newest first")
    public Page<ComplaintRequests.View> list(@QueryParam("province") String province,
                                             @QueryParam("status") @Parameter(schema = @Schema(implementation = Complaint.Status.class), description = "RECEIVED, UNDER_REVIEW, DISMISSED or INSPECTION_OPENED") String status,
                                             @BeanParam PageRequest page) {
        return complaints.list(QueryParams.provinceCode("province", province), QueryParams.enumValue(Complaint.Status.class, "status", status), page);
    }

    @POST
    @Path("/{caseNumber}/triage")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR})
    @SecurityRequirement(name = "bearer")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "triageComplaint", summary = "Take a complaint under review or dismiss it; requires If-Match")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintRequests.View.class)))
    public Response triage(@PathParam("caseNumber") String caseNumber,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull ComplaintRequests.TriageRequest request) {
        ComplaintRequests.View view = complaints.triage(caseNumber, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @POST
    @Path("/{caseNumber}/inspections")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR})
    @SecurityRequirement(name = "bearer")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "openInspectionFromComplaint", summary = "Open an inspection of the complained-about product")
    @APIResponse(responseCode = "201", description = "Created; Location names it; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Response openInspection(@PathParam("caseNumber") String caseNumber,
                                   @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                                   @NotNull ComplaintRequests.OpenInspectionRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/complaints/" + caseNumber + "/inspections", request, () -> {
            InspectionView inspection = complaints.openInspection(caseNumber, request);
            return Response.created(URI.create("/api/v1/inspections/" + inspection.id()))
                    .header(HttpHeaders.ETAG, Etag.of(inspection.version())).entity(inspection).build();
        });
    }

    @Inject
    EvidenceService evidence;

    @POST
    @Path("/{caseNumber}/photo")
    @PermitAll
    @Consumes({"image/jpeg", "image/png", MediaType.WILDCARD})
    @Extension(name = RateLimited.EXTENSION, value = "complaint-photos")
    @BodyLimit(value = "ocop.monitoring.evidence.max-bytes", code = "FILE_TOO_LARGE")
    @APIResponse(responseCode = "413", description = "FILE_TOO_LARGE: the photo is over 10 MiB (ocop.monitoring.evidence.max-bytes), declared or chunked; nothing is stored")
    @ScopeRule(ScopeRule.Kind.NONE)
    @Operation(operationId = "uploadComplaintPhoto",
            summary = "Add the complainant's photo (JPEG or PNG) to a complaint just filed, as a multipart/form-data part named file or as the raw body; the case number is the key")
    // multipart/form-data comes first: generators build their method from the first media type, and a file part is what
    // every generated client (and an HTML form) can send; the raw types stay for curl and hand-written clients.
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(type = SchemaType.OBJECT, requiredProperties = FilePart.FIELD, properties = @SchemaProperty(
                            name = FilePart.FIELD, type = SchemaType.STRING, format = "binary", description = FilePart.DESCRIPTION)),
                    examples = @ExampleObject(name = "form", summary = "A photo of the package bought as the form part file",
                            value = "{\"file\": \"ÿØÿà … (goi-toi.jpg, 203114 bytes)\"}")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "jpeg", summary = "A photo of the package bought (raw bytes of the file)",
                            value = "ÿØÿà … (goi-toi.jpg, 203114 bytes)")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "png", summary = "A screenshot of the shop page (raw bytes of the file)",
                            value = "‰PNG … (cua-hang.png, 80211 bytes)"))})
    @APIResponse(responseCode = "201", description = "Stored, with its SHA-256",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceView.class),
                    examples = @ExampleObject(name = "stored", value = """
                            {"id":"7c1f2e3d-4b5a-4c6d-8e9f-0a1b2c3d4e5f","finding":null,"fileName":"goi-toi.jpg",
                             "contentType":"image/jpeg","sizeBytes":203114,
                             "sha256":"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                             "uploadedAt":"2026-11-20T03:15:00Z","uploadedBy":"complainant"}""")))
    public Response uploadPhoto(@PathParam("caseNumber") String caseNumber,
                                @QueryParam("fileName") @Parameter(description = "Original file name", example = "goi-toi.jpg") String fileName,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                byte[] content) {
        EvidenceView view = evidence.uploadComplaintPhoto(caseNumber, fileName, contentType, content);
        return Response.created(URI.create("/api/v1/complaints/" + caseNumber + "/photo")).entity(view).build();
    }

    /** The same upload as a multipart/form-data file part; documented above as the operation's first media type. */
    @POST
    @Path("/{caseNumber}/photo")
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Extension(name = RateLimited.EXTENSION, value = "complaint-photos")
    @BodyLimit(value = "ocop.monitoring.evidence.max-bytes", code = "FILE_TOO_LARGE")
    @Operation(hidden = true)
    public Response uploadPhotoPart(@PathParam("caseNumber") String caseNumber,
                                    @QueryParam("fileName") String fileName,
                                    @RestForm(FilePart.FIELD) FileUpload file) {
        FilePart part = FilePart.of(file);
        return uploadPhoto(caseNumber, part.fileName(fileName), part.contentType(), part.content());
    }

    @GET
    @Path("/{caseNumber}/photo")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PROVINCE_OFFICER, Roles.INSPECTOR})
    @SecurityRequirement(name = "bearer")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "downloadComplaintPhoto", summary = "Download a complaint's photo (officers and inspectors of the complaint's province only)")
    @APIResponse(responseCode = "200", description = "The photo; Repr-Digest and ETag carry its SHA-256",
            content = {@Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "png", value = "‰PNG … (a PNG scan)")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "pdf", value = "%PDF-1.7 … (a PDF)")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "jpeg", summary = "The raw bytes of goi-toi.jpg", value = "ÿØÿà … (203114 bytes)"))})
    public Response downloadPhoto(@PathParam("caseNumber") String caseNumber) {
        return EvidenceResponses.download(evidence.complaintPhoto(caseNumber));
    }
}
