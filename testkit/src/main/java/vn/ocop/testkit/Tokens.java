package vn.ocop.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Mints RS256 bearer tokens signed with the development key pair (the services' dev/test profiles trust its public
 * half). For tests and the local stack only: production verifies tokens of a real identity provider.
 */
public final class Tokens {
    public static final String ISSUER = "https://ocop.local/dev";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PrivateKey key;

    private final Map<String, Object> claims = new LinkedHashMap<>();

    private Tokens(String subject, String... roles) {
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(roles));
    }

    /** A token builder for a subject with roles; add scope claims with {@link #claim}. */
    public static Tokens of(String subject, String... roles) {
        return new Tokens(subject, roles);
    }

    public static String centralOfficer() {
        return of("central-officer@mae.gov.vn", "central-officer").mint();
    }

    public static String provinceOfficer(String province) {
        return of("officer-" + province + "@ocop.gov.vn", "province-officer").claim("province", province).mint();
    }

    public static String producer(UUID producerId) {
        return of("producer-" + producerId, "producer").claim("producer_id", producerId.toString()).mint();
    }

    public Tokens claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public String mint() {
        return mint(Duration.ofHours(12));
    }

    public String mint(Duration validity) {
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>(claims);
        body.put("iat", now.getEpochSecond());
        body.put("exp", now.plus(validity).getEpochSecond());
        body.put("jti", UUID.randomUUID().toString());
        try {
            String signingInput = base64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "ocop-dev")))
                    + "." + base64(JSON.writeValueAsBytes(body));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signer.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot mint a token", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static synchronized PrivateKey privateKey() throws GeneralSecurityException {
        if (key == null) {
            try (InputStream in = Tokens.class.getResourceAsStream("/dev-keys/ocop-dev-private.pem")) {
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("dev-keys/ocop-dev-private.pem missing from the classpath", e);
            }
        }
        return key;
    }
}
