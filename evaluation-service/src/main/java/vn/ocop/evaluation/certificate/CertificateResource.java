package vn.ocop.evaluation.certificate;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import vn.ocop.platform.idempotency.Idempotency;
import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates", description = "Recognition decisions and the OCOP certificates they issue")
@SecurityRequirement(name = "bearer")
public class CertificateResource {

    @Inject
    CertificateService certificates;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/recognitions")
    @RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER})
    @ScopeRule(value = ScopeRule.Kind.HIDDEN, detail = "Here a result outside the caller's province named in resultIds answers the 400 of a missing one.")
    @Operation(operationId = "recogniseResults", summary = "Record a recognition decision and issue a certificate per result")
    @APIResponse(responseCode = "201", description = "Recorded; one certificate per recognised result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecognitionRequest.Decision.class)))
    public Response recognise(@HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe") String idempotencyKey,
                              @NotNull RecognitionRequest request) {
        return idempotency.execute(idempotencyKey, "POST /api/v1/recognitions", request,
                () -> Response.status(201).entity(certificates.recognise(request)).build());
    }

    @GET
    @Path("/certificates")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "A producer sees only its own certificates.")
    @Operation(operationId = "listEvaluationCertificates", summary = "List certificates visible to the caller")
    public Page<CertificateView> list(@QueryParam("province") String province, @QueryParam("productId") String productId,
                                      @QueryParam("status") @Parameter(schema = @Schema(implementation = CertificateStatus.class), description = "ACTIVE, SUPERSEDED, REVOKED or EXPIRED") String status,
                                      @QueryParam("number") @Parameter(description = "The number as printed (case-insensitive), "
                                              + "native or migrated", example = "123/QĐ-UBND") String number,
                                      @BeanParam PageRequest page) {
        UUID product = QueryParams.uuidValue("productId", productId);
        return certificates.list(province, product, QueryParams.enumValue(CertificateStatus.class, "status", status), number, page);
    }

    @GET
    @Path("/certificates/{id}")
    @Authenticated
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "A producer reads only its own certificates, provincial roles those of their province; other roles read all.")
    @Operation(operationId = "getEvaluationCertificate", summary = "Get a certificate")
    public CertificateView get(@PathParam("id") UUID id) {
        return certificates.get(id);
    }
}
