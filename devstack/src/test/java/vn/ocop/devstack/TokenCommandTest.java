package vn.ocop.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class TokenCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exitCode, String out, String err) {
    }

    private static Run ocop(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OcopCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void provinceOfficerTokenCarriesRoleAndProvince() throws Exception {
        Run run = ocop("token", "province-officer", "province=79");

        assertThat(run.exitCode()).isZero();
        String token = run.out().strip();
        assertThat(token).as("only the token, so $(./ocop token ...) works").doesNotContain("\n").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        JsonNode payload = decode(token, 1);
        assertThat(payload.path("groups")).extracting(JsonNode::asText).containsExactly("province-officer");
        assertThat(payload.path("province").asText()).isEqualTo("79");
        assertThat(payload.path("sub").asText()).isEqualTo("officer-79@ocop.gov.vn");
        assertThat(payload.path("iss").asText()).isEqualTo("https://ocop.local/dev");
        assertThat(payload.path("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(decode(token, 0).path("alg").asText()).isEqualTo("RS256");
        assertThat(signatureValid(token)).as("signed with the dev key the services trust").isTrue();
    }

    @Test
    void roleDefaultsFillTheScopeClaimsAndExtraClaimsAreKept() throws Exception {
        Run run = ocop("token", "commune-officer", "department=agriculture");

        assertThat(run.exitCode()).isZero();
        JsonNode payload = decode(run.out().strip(), 1);
        assertThat(payload.path("groups")).extracting(JsonNode::asText).containsExactly("commune-officer");
        assertThat(payload.path("province").asText()).isEqualTo("51");
        assertThat(payload.path("commune").asText()).isEqualTo(DemoData.load().demoCommune());
        assertThat(payload.path("department").asText()).isEqualTo("agriculture");
    }

    @Test
    void producerTokenCarriesTheGivenProducerIdAndSubject() throws Exception {
        String id = UUID.randomUUID().toString();
        Run run = ocop("token", "producer", "producer_id=" + id, "sub=htx@example.org");

        assertThat(run.exitCode()).isZero();
        JsonNode payload = decode(run.out().strip(), 1);
        assertThat(payload.path("producer_id").asText()).isEqualTo(id);
        assertThat(payload.path("sub").asText()).isEqualTo("htx@example.org");
        assertThat(payload.path("groups")).extracting(JsonNode::asText).containsExactly("producer");
    }

    @Test
    void aRoleWithoutItsScopeClaimIsRefused() {
        assertThatThrownBy(() -> RoleTokens.claims(RoleTokens.Role.PRODUCER, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("producer_id");
    }

    @Test
    void unknownRolesAndMalformedClaimsExitWithUsageErrors() {
        Run unknown = ocop("token", "mayor");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).contains("unknown role 'mayor'").contains("province-officer").contains("auditor");

        Run malformed = ocop("token", "auditor", "province");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("claim=value");
    }

    @Test
    void helpAndUnknownCommands() {
        Run help = ocop();
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("up", "down", "status", "token ROLE");

        Run bad = ocop("explode");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown command 'explode'").contains("Usage");
    }

    private static JsonNode decode(String token, int part) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[part]));
    }

    /** Verifies with the public half of testkit's private key (modulus and public exponent of the CRT key). */
    private static boolean signatureValid(String token) throws Exception {
        String pem;
        try (InputStream in = TokenCommandTest.class.getResourceAsStream("/dev-keys/ocop-dev-private.pem")) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        String[] parts = token.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
