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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.monitoring.inspection.InspectionView;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Roles;
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
    @Operation(operationId = "getComplaintStatus", summary = "Follow a complaint by its case number (public)")
    public ComplaintRequests.PublicStatus status(@PathParam("caseNumber") String caseNumber) {
        return complaints.publicStatus(caseNumber);
    }

    @GET
    @Path("/{caseNumber}")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.AUDITOR})
    @SecurityRequirement(name = "bearer")
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
    @Operation(operationId = "listComplaints", summary = "Complaints of the caller's province, newest first")
    public Page<ComplaintRequests.View> list(@QueryParam("province") String province,
                                             @QueryParam("status") @Parameter(description = "RECEIVED, UNDER_REVIEW, DISMISSED or INSPECTION_OPENED") String status,
                                             @BeanParam PageRequest page) {
        return complaints.list(QueryParams.provinceCode("province", province), QueryParams.enumValue(Complaint.Status.class, "status", status), page);
    }

    @POST
    @Path("/{caseNumber}/triage")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "triageComplaint", summary = "Take a complaint under review or dismiss it; requires If-Match")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintRequests.View.class)))
    public Response triage(@PathParam("caseNumber") String caseNumber,
                           @HeaderParam("If-Match") @Parameter(description = "ETag of the last read", required = true) String ifMatch,
                           @NotNull @Valid ComplaintRequests.TriageRequest request) {
        ComplaintRequests.View view = complaints.triage(caseNumber, ifMatch, request);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }

    @POST
    @Path("/{caseNumber}/inspections")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "openInspectionFromComplaint", summary = "Open an inspection of the complained-about product")
    @APIResponse(responseCode = "201", description = "Created; Location names it; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Response openInspection(@PathParam("caseNumber") String caseNumber,
                                   @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                                   @NotNull @Valid ComplaintRequests.OpenInspectionRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/complaints/" + caseNumber + "/inspections", request, () -> {
            InspectionView inspection = complaints.openInspection(caseNumber, request);
            return Response.created(URI.create("/api/v1/inspections/" + inspection.id()))
                    .header(HttpHeaders.ETAG, Etag.of(inspection.version())).entity(inspection).build();
        });
    }
}
