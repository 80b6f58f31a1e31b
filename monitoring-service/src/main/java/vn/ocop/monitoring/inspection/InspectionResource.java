package vn.ocop.monitoring.inspection;

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
import vn.ocop.platform.files.FileContent;
import vn.ocop.platform.files.FilePart;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.BodyLimit;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR})
@Tag(name = "Inspections", description = "Post-certification monitoring (hậu kiểm): plans and inspections")
@SecurityRequirement(name = "bearer")
public class InspectionResource {

    @Inject
    InspectionService inspections;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/inspection-plans")
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "createInspectionPlan", summary = "Create a periodic or ad hoc inspection plan of a province")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.Plan.class)))
    public Response createPlan(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                               @NotNull InspectionRequests.PlanRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/inspection-plans", request, () -> {
            InspectionView.Plan plan = inspections.createPlan(request);
            return Response.created(URI.create("/api/v1/inspection-plans/" + plan.id())).entity(plan).build();
        });
    }

    @GET
    @Path("/inspection-plans/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "getInspectionPlan", summary = "Get an inspection plan")
    public InspectionView.Plan getPlan(@PathParam("id") UUID id) {
        return inspections.getPlan(id);
    }

    @GET
    @Path("/inspection-plans")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listInspectionPlans", summary = "List inspection plans, latest period first")
    public Page<InspectionView.Plan> listPlans(@QueryParam("province") String province,
                                               @QueryParam("kind") @Parameter(schema = @Schema(implementation = InspectionPlan.Kind.class), description = "PERIODIC or AD_HOC") String kind,
                                               @BeanParam PageRequest page) {
        return inspections.listPlans(QueryParams.provinceCode("province", province),
                QueryParams.enumValue(InspectionPlan.Kind.class, "kind", kind), page);
    }

    @POST
    @Path("/inspections")
    @ScopeRule(ScopeRule.Kind.FORBIDDEN)
    @Operation(operationId = "openInspection", summary = "Open an inspection of a product (from a plan, or ad hoc)")
    @APIResponse(responseCode = "201", description = "Created; Location names it; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Response open(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                         @NotNull InspectionRequests.OpenRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/inspections", request, () -> {
            InspectionView view = inspections.open(request, null);
            return Response.created(URI.create("/api/v1/inspections/" + view.id()))
                    .header(HttpHeaders.ETAG, Etag.of(view.version())).entity(view).build();
        });
    }

    @POST
    @Path("/inspections/{id}/completion")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "completeInspection", summary = "Record the checklist, findings, lab results and outcome; once; requires If-Match")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Response complete(@PathParam("id") UUID id,
                             @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                             @NotNull InspectionRequests.Completion request) {
        InspectionView view = inspections.complete(id, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @Path("/inspections/{id}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "getInspection", summary = "Get an inspection (returns its ETag)")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Response get(@PathParam("id") UUID id) {
        InspectionView view = inspections.get(id);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @GET
    @Path("/inspections")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.FILTERED)
    @Operation(operationId = "listInspections", summary = "List inspections, latest first")
    public Page<InspectionView> list(
            @QueryParam("province") String province,
            @QueryParam("productId") String productId,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = Inspection.Status.class), description = "OPEN or COMPLETED") String status,
            @QueryParam("outcome") @Parameter(schema = @Schema(implementation = InspectionOutcome.class), description = "COMPLIANT, CORRECTIVE_ACTION or REVOCATION_PROPOSED") String outcome,
            @QueryParam("revocationOverdue") @Parameter(description = "true: revocation proposed, its decision deadline passed and no decision recorded") String revocationOverdue,
            @BeanParam PageRequest page) {
        return inspections.list(new InspectionService.Filter(QueryParams.provinceCode("province", province),
                QueryParams.uuidValue("productId", productId),
                QueryParams.enumValue(Inspection.Status.class, "status", status),
                QueryParams.enumValue(InspectionOutcome.class, "outcome", outcome),
                QueryParams.booleanValue("revocationOverdue", revocationOverdue)), page);
    }

    @Inject
    EvidenceService evidence;

    @POST
    @Path("/inspections/{id}/evidence")
    @Consumes({"application/pdf", "image/jpeg", "image/png", MediaType.WILDCARD})
    @BodyLimit(value = "ocop.monitoring.evidence.max-bytes", code = "FILE_TOO_LARGE")
    @APIResponse(responseCode = "413", description = "FILE_TOO_LARGE: the file is over 10 MiB (ocop.monitoring.evidence.max-bytes), declared or chunked; nothing is stored")
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "uploadInspectionEvidence",
            summary = "Attach an evidence file (PDF, JPEG or PNG) to an inspection or one of its findings: a multipart/form-data part named file, or the raw file as the body")
    // multipart/form-data comes first: generators build their method from the first media type, and a file part is what
    // every generated client can send (the raw types stay for curl and hand-written clients).
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(type = SchemaType.OBJECT, requiredProperties = FilePart.FIELD, properties = @SchemaProperty(
                            name = FilePart.FIELD, type = SchemaType.STRING, format = "binary", description = FilePart.DESCRIPTION)),
                    examples = @ExampleObject(name = "form", summary = "A photo of the label as the form part file",
                            value = "{\"file\": \"ÿØÿà … (nhan-sai-sao.jpg, 184233 bytes)\"}")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "jpeg", summary = "A photo of the label (raw bytes of the file)",
                            value = "ÿØÿà … (nhan-sai-sao.jpg, 184233 bytes)")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "pdf", summary = "A laboratory report (raw bytes of the file)",
                            value = "%PDF-1.7 … (phieu-kiem-nghiem.pdf, 98112 bytes)")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "png", summary = "A screenshot of an online listing (raw bytes of the file)",
                            value = "‰PNG … (gian-hang.png, 55120 bytes)"))})
    @APIResponse(responseCode = "201", description = "Stored, with its SHA-256",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceView.class),
                    examples = @ExampleObject(name = "stored", value = """
                            {"id":"5b0e7d2a-61c4-4f0e-9a63-2f1d8c0b7e11","finding":0,"fileName":"nhan-sai-sao.jpg",
                             "contentType":"image/jpeg","sizeBytes":184233,
                             "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                             "uploadedAt":"2026-11-20T03:15:00Z","uploadedBy":"inspector-51@ocop.gov.vn"}""")))
    public Response uploadEvidence(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                                   @PathParam("id") UUID id,
                                   @QueryParam("finding") @Parameter(description = "The finding (0-based) the file supports", example = "0",
                                           schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) String finding,
                                   @QueryParam("fileName") @Parameter(description = "Original file name", example = "nhan-sai-sao.jpg") String fileName,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                   byte[] content) {
        return storeEvidence(idempotencyKey, id, finding, fileName, contentType, content);
    }

    /** The same upload as a multipart/form-data file part; documented above as the operation's first media type. */
    @POST
    @Path("/inspections/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(value = "ocop.monitoring.evidence.max-bytes", code = "FILE_TOO_LARGE")
    @Operation(hidden = true)
    public Response uploadEvidencePart(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                       @PathParam("id") UUID id,
                                       @QueryParam("finding") String finding,
                                       @QueryParam("fileName") String fileName,
                                       @RestForm(FilePart.FIELD) FileUpload file) {
        FilePart part = FilePart.of(file);
        return storeEvidence(idempotencyKey, id, finding, part.fileName(fileName), part.contentType(), part.content());
    }

    /** {@code finding} is read as text: a JAX-RS conversion failure would answer 404 instead of naming the parameter. */
    private Response storeEvidence(String idempotencyKey, UUID id, String findingParam, String fileName, String contentType, byte[] content) {
        Integer finding = QueryParams.intValue("finding", findingParam, 0, Integer.MAX_VALUE);
        // The key covers the file by its checksum, not its bytes: the stored request fingerprint stays small.
        String fingerprint = finding + " " + fileName + " " + contentType + " " + (content == null ? "" : FileContent.sha256(content));
        return idempotency.execute(idempotencyKey, "POST /api/v1/inspections/" + id + "/evidence", fingerprint, () -> {
            EvidenceView view = evidence.uploadForInspection(id, finding, fileName, contentType, content);
            return Response.created(URI.create("/api/v1/inspections/" + id + "/evidence/" + view.id())).entity(view).build();
        });
    }

    @GET
    @Path("/inspections/{id}/evidence")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "listInspectionEvidence", summary = "List an inspection's evidence files with their checksums")
    public java.util.List<EvidenceView> evidence(@PathParam("id") UUID id) {
        return evidence.inspectionFiles(id);
    }

    @GET
    @Path("/inspections/{id}/evidence/{fileId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @ScopeRule(ScopeRule.Kind.HIDDEN)
    @Operation(operationId = "downloadInspectionEvidence", summary = "Download an evidence file")
    @APIResponse(responseCode = "200", description = "The file, with the content type it was uploaded with; Repr-Digest and ETag carry its SHA-256",
            content = {@Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "png", value = "‰PNG … (a PNG scan)")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "pdf", value = "%PDF-1.7 … (a PDF)")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "jpeg", summary = "The raw bytes of nhan-sai-sao.jpg", value = "ÿØÿà … (184233 bytes)"))})
    public Response downloadEvidence(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        return EvidenceResponses.download(evidence.inspectionFile(id, fileId));
    }
}
