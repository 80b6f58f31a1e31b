package vn.ocop.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from the stack's Keycloak, as its clients get them: a provincial system with the client-credentials
 * grant, a person with the password grant of the {@value #CLI_CLIENT} client. Also what {@code ./ocop token ROLE}
 * does when the stack runs with {@code --oidc}: the committed realm has one user per role (password {@value
 * #DEV_PASSWORD}).
 */
public final class OidcTokens {
    /** The realm's public client for people (password grant and authorization code with PKCE). */
    public static final String CLI_CLIENT = "ocop-cli";
    /** Every user's password in the committed dev realm. */
    public static final String DEV_PASSWORD = "ocop";
    /** The dev realm's provincial system (province 51) and its secret. */
    public static final String PROVINCE_51_SYSTEM = "province-51-system";
    public static final String PROVINCE_51_SECRET = "province-51-dev-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private OidcTokens() {
    }

    public static String clientCredentials(String tokenUrl, String clientId, String secret) {
        return request(tokenUrl, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    public static String password(String tokenUrl, String username, String password) {
        return request(tokenUrl, Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username,
                "password", password, "scope", "openid"));
    }

    /** The dev realm's user who has the role (with the demo province and commune as attributes). */
    public static String devUser(RoleTokens.Role role) {
        return switch (role) {
            case PROVINCE_OFFICER -> "province-officer-51";
            case INSPECTOR -> "inspector-51";
            case COMMUNE_OFFICER -> "commune-officer-21548";
            default -> role.id();
        };
    }

    private static String request(String tokenUrl, Map<String, String> form) {
        Map<String, String> ordered = new LinkedHashMap<>(form);
        String body = ordered.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new StackException("Keycloak refused the " + form.get("grant_type") + " grant (HTTP "
                        + response.statusCode() + "): " + json.path("error_description").asText(response.body()));
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new StackException("Keycloak does not answer at " + tokenUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while asking Keycloak for a token");
        }
    }
}
