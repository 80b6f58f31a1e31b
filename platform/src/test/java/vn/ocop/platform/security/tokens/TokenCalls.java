package vn.ocop.platform.security.tokens;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.ocop.testkit.PrometheusText;

/** Calls the test application's protected operation with a bearer token, and reads the verification counters. */
final class TokenCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenCalls() {
    }

    /** The HTTP status of GET /test/caller with this bearer token. */
    static int callWith(String token) {
        return given().header("Authorization", "Bearer " + token).when().get("/test/caller").then().extract().statusCode();
    }

    /** How many bearer tokens were answered with this outcome (cache, verified, refused) so far. */
    static double verifications(String outcome) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.sum(metrics, "ocop_security_token_verifications_total", "outcome=\"" + outcome + "\"");
    }

    /** The token's exp claim (epoch seconds). */
    static long expiry(String token) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return JSON.readTree(new String(payload, StandardCharsets.UTF_8)).get("exp").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with one character of its signature changed. */
    static String withAlteredSignature(String token) {
        int at = token.lastIndexOf('.') + 10;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    /** The header and payload of {@code claims} presented with the signature of {@code signed}. */
    static String withSignatureOf(String claims, String signed) {
        return claims.substring(0, claims.lastIndexOf('.')) + signed.substring(signed.lastIndexOf('.'));
    }
}
