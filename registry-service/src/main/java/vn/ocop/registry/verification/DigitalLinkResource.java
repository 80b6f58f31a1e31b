package vn.ocop.registry.verification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;
import vn.ocop.platform.ratelimit.RateLimited;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.registry.product.Gtin;
import vn.ocop.registry.verification.CertificateFactsService.GtinMatch;

/**
 * A GS1 Digital Link resolver for OCOP products: the URI {@code /01/<GTIN>} (optionally {@code /10/<lot>}) printed as
 * a QR code on a pack answers with the product's current certificate. Unlike a plain redirect, the status code carries
 * the certificate's standing: 200 while it is valid, 410 Gone once it is revoked or expired (or replaced), 404 for a
 * GTIN no product has. The only link type served is {@code gs1:certificationInfo}, which is therefore also the default
 * link; {@code linkType=all} (or {@code Accept: application/linkset+json}) gives the RFC 9264 linkset.
 */
@Path("/01/{gtin}")
@Tag(name = "Public", description = "Anonymous access: certificate verification and the product catalogue")
@PermitAll
@ScopeRule(ScopeRule.Kind.PUBLIC)
public class DigitalLinkResource {
    static final String LINKSET = "application/linkset+json";
    static final String CERTIFICATION_INFO = "https://gs1.org/voc/certificationInfo";
    static final String DEFAULT_LINK = "https://gs1.org/voc/defaultLink";

    @Inject
    CertificateFactsService facts;

    @Inject
    VerificationLinks links;

    @Inject
    VerificationPages pages;

    @Inject
    ScanCounter scans;

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, LINKSET})
    @Extension(name = RateLimited.EXTENSION, value = "verification")
    @Operation(operationId = "resolveGtin", summary = "GS1 Digital Link: the product's current OCOP certificate (200 valid, 410 ended)")
    @APIResponse(responseCode = "200", description = "The current certificate is valid", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DigitalLinkAnswer.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "page", value = "<!DOCTYPE html><html lang=\"vi\">…CÒN HIỆU LỰC…</html>")),
            @Content(mediaType = LINKSET, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT),
                    examples = @ExampleObject(name = "linkset", value = "{\"linkset\":[{\"anchor\":\"https://ocop.gov.vn/01/08936045123454\","
                            + "\"https://gs1.org/voc/certificationInfo\":[{\"href\":\"https://ocop.gov.vn/c/OCOP-51-2026-00001\",\"type\":\"text/html\"}]}]}"))})
    @APIResponse(responseCode = "410", description = "The current certificate was revoked or has expired: the body gives the date and ground", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DigitalLinkAnswer.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "page", value = "<!DOCTYPE html><html lang=\"vi\">…ĐÃ BỊ THU HỒI…</html>"))})
    @APIResponse(responseCode = "404", description = "No product has this GTIN, or it has no OCOP certificate: a problem "
            + "(GTIN_NOT_FOUND, NOT_CERTIFIED) for machines, a readable page for people", content = {
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class))})
    public Response resolve(@PathParam("gtin") @Parameter(description = "GTIN-8, -12, -13 or -14 with its check digit",
                                    example = "08936045123454") String gtin,
                            @QueryParam("linkType") @Parameter(description = "gs1:certificationInfo (the default) or all",
                                    example = "gs1:certificationInfo") String linkType,
                            @QueryParam("lang") @Parameter(description = "Page language, vi (default) or en") String lang,
                            @Context HttpHeaders headers) {
        return answer(gtin, null, linkType, lang, headers);
    }

    @GET
    @Path("/10/{lot}")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, LINKSET})
    @Extension(name = RateLimited.EXTENSION, value = "verification")
    @Operation(operationId = "resolveGtinLot", summary = "GS1 Digital Link with a batch/lot: the same answer as for the GTIN")
    @APIResponse(responseCode = "200", description = "The current certificate is valid", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DigitalLinkAnswer.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "page", value = "<!DOCTYPE html><html lang=\"vi\">…CÒN HIỆU LỰC…</html>"))})
    @APIResponse(responseCode = "410", description = "The current certificate was revoked or has expired", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DigitalLinkAnswer.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "page", value = "<!DOCTYPE html><html lang=\"vi\">…ĐÃ BỊ THU HỒI…</html>"))})
    @APIResponse(responseCode = "404", description = "No product has this GTIN, or it has no OCOP certificate: a problem "
            + "(GTIN_NOT_FOUND, NOT_CERTIFIED) for machines, a readable page for people", content = {
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class))})
    public Response resolveLot(@PathParam("gtin") @Parameter(description = "GTIN with its check digit", example = "08936045123454") String gtin,
                               @PathParam("lot") @Parameter(description = "Batch/lot number (AI 10)", example = "L2026-03") String lot,
                               @QueryParam("linkType") @Parameter(description = "gs1:certificationInfo (the default) or all") String linkType,
                               @QueryParam("lang") @Parameter(description = "Page language, vi (default) or en") String lang,
                               @Context HttpHeaders headers) {
        return answer(gtin, lot, linkType, lang, headers);
    }

    private Response answer(String gtin, String lot, String linkType, String lang, HttpHeaders headers) {
        if (gtin == null || !Gtin.Validator.isValidGtin(gtin)) {
            throw new ApiException(400, "INVALID_GTIN", "Invalid GTIN",
                    "gtin must be 8, 12, 13 or 14 digits ending with the GS1 check digit");
        }
        String gtin14 = "0".repeat(14 - gtin.length()) + gtin;
        String anchor = links.digitalLink(gtin14) + (lot == null ? "" : "/10/" + VerificationLinks.segment(lot));
        Reader reader = reader(linkType, headers);
        GtinMatch match = facts.byGtin(gtin14).orElse(null);
        if (match == null || match.certificate() == null) {
            String detail = match == null ? "No product is registered under GTIN " + gtin14
                    : "Product " + match.productName() + " (GTIN " + gtin14 + ") has no OCOP certificate";
            if (reader == Reader.PERSON) {
                return pages.html(404, PageModel.notFound(gtin14, PageText.of(lang))).build();
            }
            throw new ApiException(404, match == null ? "GTIN_NOT_FOUND" : "NOT_CERTIFIED", "No certified product", detail);
        }
        CertificateFacts certificate = match.certificate();
        scans.record(certificate);
        int status = certificate.valid() ? 200 : 410;
        String page = links.page(certificate.number());
        Response.ResponseBuilder response = switch (reader) {
            case PERSON -> pages.html(status, PageModel.of(certificate, PageText.of(lang), links));
            case MACHINE -> Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(new DigitalLinkAnswer(gtin14, lot, page, certificate.toVerification()));
            case LINKSET -> Response.status(status).type(LINKSET).entity(linkset(anchor, page, certificate));
        };
        return response.header("Link", "<" + page + ">; rel=\"" + CERTIFICATION_INFO + "\"; type=\"text/html\", <"
                + anchor + "?linkType=all>; rel=\"linkset\"; type=\"" + LINKSET + "\"").build();
    }

    private enum Reader { PERSON, MACHINE, LINKSET }

    /** linkType=all asks for the linkset; otherwise Accept decides, and a browser (or no preference) gets the page. */
    private static Reader reader(String linkType, HttpHeaders headers) {
        if ("all".equals(linkType)) {
            return Reader.LINKSET;
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return Reader.PERSON;
            }
            if (accepted.isCompatible(MediaType.valueOf(LINKSET))) {
                return Reader.LINKSET;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Reader.MACHINE;
            }
        }
        return Reader.PERSON;
    }

    /** RFC 9264 linkset: the one link type we serve, also as the default link. */
    private Map<String, Object> linkset(String anchor, String page, CertificateFacts certificate) {
        Map<String, Object> html = new LinkedHashMap<>();
        html.put("href", page);
        html.put("title", "OCOP certificate " + certificate.number() + ": " + certificate.status().name());
        html.put("type", MediaType.TEXT_HTML);
        html.put("hreflang", List.of("vi", "en"));
        Map<String, Object> json = Map.of("href", links.api(certificate.number()), "type", MediaType.APPLICATION_JSON,
                "title", "Certificate verification (JSON)");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("anchor", anchor);
        context.put(CERTIFICATION_INFO, List.of(html, json));
        context.put(DEFAULT_LINK, List.of(Map.of("href", page, "type", MediaType.TEXT_HTML)));
        return Map.of("linkset", List.of(context));
    }
}
