package vn.ocop.monitoring.certificate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.paging.Page;
import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.security.Roles;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.Etag;
import vn.ocop.platform.web.QueryParams;

@Path("/api/v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CENTRAL_OFFICER, Roles.PROVINCE_OFFICER, Roles.INSPECTOR, Roles.COMMUNE_OFFICER, Roles.AUDITOR,
        Roles.PRODUCER})
@Tag(name = "Certificates", description = "The certificate register: validity, expiry, re-rating window, revocation")
@SecurityRequirement(name = "bearer")
public class CertificateResource {

    @Inject
    CertificateService certificates;

    @GET
    @ScopeRule(value = ScopeRule.Kind.FILTERED, detail = "A producer sees only its own certificates.")
    @Operation(operationId = "listCertificates", summary = "List certificates visible to the caller, soonest expiry first")
    public Page<CertificateView> list(
            @QueryParam("province") @Parameter(description = "2-digit province code") String province,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = CertificateStatus.class), description = "ACTIVE, SUPERSEDED, EXPIRED or REVOKED") String status,
            @QueryParam("expiringWithinDays") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1100"), description = "Active certificates whose validity ends within this many days (0 to 1100)") String expiringWithinDays,
            @QueryParam("reRatingDue") @Parameter(description = "true: in the re-rating filing window (of the rules in force on the issue date) with no re-rating dossier filed") String reRatingDue,
            @QueryParam("productId") @Parameter(description = "Certificates of one product") String productId,
            @BeanParam PageRequest page) {
        return certificates.list(new CertificateService.Filter(QueryParams.provinceCode("province", province),
                QueryParams.enumValue(CertificateStatus.class, "status", status),
                QueryParams.intValue("expiringWithinDays", expiringWithinDays, 0, 1100),
                QueryParams.booleanValue("reRatingDue", reRatingDue),
                QueryParams.uuidValue("productId", productId)), page);
    }

    @GET
    @Path("/{number}")
    @ScopeRule(value = ScopeRule.Kind.FORBIDDEN, detail = "A producer reads only its own certificates.")
    @Operation(operationId = "getCertificate", summary = "Get a certificate by its number")
    @APIResponse(responseCode = "200", description = "OK; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CertificateView.class)))
    public Response get(@PathParam("number") String number) {
        CertificateView view = certificates.get(number);
        return Response.ok(view).header(HttpHeaders.ETAG, Etag.of(view.version())).build();
    }
}
