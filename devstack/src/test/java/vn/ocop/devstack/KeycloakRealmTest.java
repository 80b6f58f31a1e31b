package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The committed realm export gives every role a user whose token carries the scope claims that role needs. */
class KeycloakRealmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRoleHasADevUserWithTheClaimsItsTokensNeed() throws IOException {
        JsonNode realm = realm("ocop-realm.json");
        List<String> mapped = new ArrayList<>();
        realm.path("clients").forEach(c -> {
            if (c.path("clientId").asText().equals(OidcTokens.CLI_CLIENT)) {
                c.path("protocolMappers").forEach(m -> mapped.add(m.path("config").path("claim.name").asText()));
            }
        });
        for (RoleTokens.Role role : RoleTokens.Role.values()) {
            JsonNode user = user(realm, OidcTokens.devUser(role));
            assertThat(user).as("user for " + role.id()).isNotNull();
            assertThat(user.path("realmRoles").toString()).contains('"' + role.id() + '"');
            for (String claim : role.requiredClaims()) {
                assertThat(user.path("attributes").path(claim).path(0).asText()).as(role.id() + " " + claim)
                        .isNotBlank();
                assertThat(mapped).as("claims of " + OidcTokens.CLI_CLIENT).contains(claim);
            }
        }
        assertThat(mapped).contains("groups");
    }

    @Test
    void theProvincialSystemActsAsAnOfficerOfItsProvinceOnly() throws IOException {
        JsonNode realm = realm("ocop-realm.json");
        JsonNode client = null;
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asText().equals(OidcTokens.PROVINCE_51_SYSTEM)) {
                client = c;
            }
        }
        assertThat(client).isNotNull();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("secret").asText()).isEqualTo(OidcTokens.PROVINCE_51_SECRET);
        assertThat(client.path("protocolMappers").toString()).contains("\"claim.value\":\"51\"");
        assertThat(user(realm, "service-account-" + OidcTokens.PROVINCE_51_SYSTEM).path("realmRoles").toString())
                .isEqualTo("[\"province-officer\"]");
    }

    @Test
    void theOtherRealmIsAnotherIssuer() throws IOException {
        assertThat(realm("elsewhere-realm.json").path("realm").asText()).isNotEqualTo(StackKeycloak.REALM);
        assertThat(realm("ocop-realm.json").path("realm").asText()).isEqualTo(StackKeycloak.REALM);
    }

    private static JsonNode realm(String file) throws IOException {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak/" + file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static JsonNode user(JsonNode realm, String username) {
        for (JsonNode u : realm.path("users")) {
            if (u.path("username").asText().equals(username)) {
                return u;
            }
        }
        return null;
    }
}
