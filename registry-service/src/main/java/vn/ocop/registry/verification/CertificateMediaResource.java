package vn.ocop.registry.verification;

import java.util.Locale;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.ratelimit.RateLimited;
import vn.ocop.platform.security.ScopeRule;
import vn.ocop.platform.web.QueryParams;

/** What a province prints: the QR code for labels and packaging, and the certificate document itself. */
@Path("/api/v1/public/certificates/{number}")
@Tag(name = "Public", description = "Anonymous access: certificate verification and the product catalogue")
@PermitAll
@ScopeRule(ScopeRule.Kind.PUBLIC)
public class CertificateMediaResource {
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    static final String PDF = "application/pdf";

    @Inject
    CertificateFactsService facts;

    @Inject
    VerificationLinks links;

    @GET
    @Path("/qr")
    @Produces({PNG, SVG})
    @Extension(name = RateLimited.EXTENSION, value = "verification")
    @Operation(operationId = "certificateQrCode",
            summary = "QR code of the certificate's live verification page, as PNG or SVG (by Accept or format)")
    @APIResponse(responseCode = "200", description = "The QR code; it encodes <public base URL>/c/{number}", content = {
            @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "png", summary = "A 256×256 PNG image", value = "(PNG bytes)")),
            @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "svg", summary = "Scalable image", value = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 33 33\">…</svg>"))})
    public Response qr(@PathParam("number") @Parameter(description = "Certificate number as printed",
                               example = "OCOP-51-2026-00001") String number,
                       @QueryParam("size") @Parameter(description = "Width and height in pixels, "
                               + QrCodes.MIN_SIZE + " to " + QrCodes.MAX_SIZE, example = "256") String size,
                       @QueryParam("format") @Parameter(description = "png or svg; overrides Accept",
                               schema = @Schema(enumeration = {"png", "svg"})) String format,
                       @Context HttpHeaders headers) {
        Integer requested = QueryParams.intValue("size", size, QrCodes.MIN_SIZE, QrCodes.MAX_SIZE);
        int pixels = requested == null ? QrCodes.DEFAULT_SIZE : requested;
        boolean svg = wantsSvg(format, headers);
        CertificateFacts certificate = find(number);
        String url = links.page(certificate.number());
        return svg ? Response.ok(QrCodes.svg(url, pixels), SVG).build() : Response.ok(QrCodes.png(url, pixels), PNG).build();
    }

    @GET
    @Path("/document")
    @Produces(PDF)
    @Extension(name = RateLimited.EXTENSION, value = "verification")
    @Operation(operationId = "certificateDocument",
            summary = "The printable certificate (PDF) with its QR code; an ended certificate is marked across the page")
    @APIResponse(responseCode = "200", description = "A4 PDF in Vietnamese, fonts embedded", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "pdf", summary = "One A4 page", value = "(PDF bytes)")))
    public Response document(@PathParam("number") @Parameter(description = "Certificate number as printed",
            example = "OCOP-51-2026-00001") String number) {
        CertificateFacts certificate = find(number);
        byte[] pdf = CertificatePdf.render(certificate, links.page(certificate.number()));
        return Response.ok(pdf, PDF)
                .header("Content-Disposition", "inline; filename=\"" + fileName(certificate.number()) + ".pdf\"").build();
    }

    private CertificateFacts find(String number) {
        return facts.byNumber(number).orElseThrow(() -> new ApiException(404, "CERTIFICATE_NOT_FOUND",
                "Unknown certificate", "No OCOP certificate is registered under number " + number));
    }

    private static boolean wantsSvg(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "svg" -> true;
                case "png" -> false;
                default -> throw ApiException.invalidField("format", "must be png or svg");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.valueOf(PNG))) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(SVG))) {
                return true;
            }
        }
        return false;
    }

    private static String fileName(String number) {
        return number.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
