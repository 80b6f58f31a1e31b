package vn.ocop.registry.verification;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.ratelimit.RateLimited;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.registry.certification.CertificateVerification;

/** Anonymous certificate verification: buyers and sales channels check a number printed on a label. */
@Path("/api/v1/public/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public", description = "Anonymous access: certificate verification and the product catalogue")
@PermitAll
@ScopeRule(ScopeRule.Kind.PUBLIC)
public class PublicCertificateResource {

    @Inject
    CertificateFactsService facts;

    @Inject
    ScanCounter scans;

    @GET
    @Path("/{number}")
    @Extension(name = RateLimited.EXTENSION, value = "verification")
    @Operation(operationId = "verifyCertificate", summary = "Verify an OCOP certificate number (anonymous)")
    @APIResponse(responseCode = "200", description = "The certificate and its status today")
    @APIResponse(responseCode = "404", description = "No certificate with that number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CertificateVerification verify(@PathParam("number") @Parameter(description = "Certificate number as printed",
            example = "OCOP-51-2026-00001") String number) {
        CertificateFacts certificate = facts.byNumber(number).orElseThrow(() -> new ApiException(404,
                "CERTIFICATE_NOT_FOUND", "Unknown certificate", "No OCOP certificate is registered under number " + number));
        scans.record(certificate);
        return certificate.toVerification();
    }
}
