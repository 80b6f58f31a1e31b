package vn.ocop.registry.verification;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.ratelimit.RateLimited;
import vn.ocop.platform.security.ScopeRule;

/** The page a shopper reaches by scanning the QR code on a pack: the certificate's status today, for people. */
@Path(VerificationLinks.PAGE_PATH + "{number}")
@Tag(name = "Public", description = "Anonymous access: certificate verification and the product catalogue")
@PermitAll
@ScopeRule(ScopeRule.Kind.PUBLIC)
public class VerificationPageResource {
    @Inject
    CertificateFactsService facts;

    @Inject
    VerificationLinks links;

    @Inject
    VerificationPages pages;

    @Inject
    ScanCounter scans;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Extension(name = RateLimited.EXTENSION, value = "verification")
    @Operation(operationId = "certificatePage", summary = "Verification page for people (HTML, Vietnamese or English), the URL of the QR code")
    @APIResponse(responseCode = "200", description = "The certificate, its status in words and colour, and links",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "valid", summary = "A valid certificate",
                            value = "<!DOCTYPE html><html lang=\"vi\">…<p class=\"status-word\">CÒN HIỆU LỰC</p>…</html>")))
    @APIResponse(responseCode = "404", description = "No certificate with that number: a readable page saying so",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "unknown", value = "<!DOCTYPE html><html lang=\"vi\">…KHÔNG TÌM THẤY…</html>")))
    public Response show(@PathParam("number") @Parameter(description = "Certificate number as printed",
                                 example = "OCOP-51-2026-00001") String number,
                         @QueryParam("lang") @Parameter(description = "vi (default) or en",
                                 schema = @Schema(enumeration = {"vi", "en"})) String lang) {
        PageText text = PageText.of(lang);
        return facts.byNumber(number)
                .map(certificate -> {
                    scans.record(certificate);
                    return pages.html(200, PageModel.of(certificate, text, links));
                })
                .orElseGet(() -> pages.html(404, PageModel.notFound(number, text))).build();
    }
}
