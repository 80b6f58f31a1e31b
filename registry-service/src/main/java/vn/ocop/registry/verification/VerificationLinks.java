package vn.ocop.registry.verification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The public URLs of one certificate: the short page the QR code carries and the links the page offers. */
@ApplicationScoped
public class VerificationLinks {
    /** Path of the short verification page; kept short so that the QR code stays small. */
    public static final String PAGE_PATH = "/c/";

    @Inject
    VerificationConfig config;

    public String page(String number) {
        return trimSlash(config.baseUrl()) + PAGE_PATH + segment(number);
    }

    /** The JSON verification of the certificate ({@code verifyCertificate}). */
    public String api(String number) {
        return trimSlash(config.baseUrl()) + "/api/v1/public/certificates/" + segment(number);
    }

    public String complaint(String number) {
        return config.complaintUrl() + (config.complaintUrl().contains("?") ? "&" : "?") + "certificate=" + query(number);
    }

    public String whereToBuy(UUID productId) {
        return config.whereToBuyUrl() + (config.whereToBuyUrl().contains("?") ? "&" : "?") + "product=" + productId;
    }

    /** The GS1 Digital Link URI of a trade item on this resolver. */
    public String digitalLink(String gtin14) {
        return trimSlash(config.baseUrl()) + "/01/" + gtin14;
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
