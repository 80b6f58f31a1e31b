package vn.ocop.platform.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.ocop.platform.security.tokens.TokenCalls.callWith;
import static vn.ocop.platform.security.tokens.TokenCalls.verifications;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** A bearer token is verified once, then answered from memory, but never past its expiry and never when forged. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        String token = Tokens.centralOfficer();
        double verified = verifications("verified");
        double cached = verifications("cache");

        assertThat(callWith(token)).isEqualTo(200);
        assertThat(callWith(token)).isEqualTo(200);
        assertThat(callWith(token)).isEqualTo(200);

        assertThat(verifications("verified") - verified).isEqualTo(1);
        assertThat(verifications("cache") - cached).isEqualTo(2);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        callWith(Tokens.centralOfficer()); // the first call of a run is slow (the response check loads the document)
        String token = Tokens.of("short-lived@mae.gov.vn", "central-officer").mint(Duration.ofSeconds(5));
        double cached = verifications("cache");
        int first = callWith(token);
        int second = callWith(token);
        // On a machine so loaded that the two calls outlasted the token, this test can prove nothing: skipped, not failed.
        assumeTrue(System.currentTimeMillis() < TokenCalls.expiry(token) * 1000, "the token expired during its first calls");
        assertThat(first).isEqualTo(200);
        assertThat(second).isEqualTo(200);
        assertThat(verifications("cache") - cached).as("the second call answered from the cache").isEqualTo(1);

        // The test application allows a clock skew of 1 s (application.properties): refused from exp + 1 s on.
        long refusedFromMillis = (TokenCalls.expiry(token) + 1) * 1000;
        while (System.currentTimeMillis() < refusedFromMillis) {
            Thread.sleep(Math.max(1, refusedFromMillis - System.currentTimeMillis()));
        }
        double refused = verifications("refused");

        assertThat(callWith(token)).isEqualTo(401);
        assertThat(callWith(token)).isEqualTo(401);
        assertThat(verifications("refused") - refused).as("checked by the parser each time").isEqualTo(2);
    }

    @Test
    void aForgedTokenIsRefusedEveryTimeEvenOnceTheGenuineOneIsCached() {
        String genuine = Tokens.of("province-officer@ocop.gov.vn", "province-officer").mint();
        String elevated = Tokens.of("province-officer@ocop.gov.vn", "central-officer").mint();
        assertThat(callWith(genuine)).isEqualTo(403); // verified and cached, but not a central officer
        assertThat(callWith(elevated)).isEqualTo(200);

        String alteredSignature = TokenCalls.withAlteredSignature(elevated);
        String claimsOfElevatedSignedByGenuine = TokenCalls.withSignatureOf(elevated, genuine);
        double refused = verifications("refused");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(callWith(alteredSignature)).isEqualTo(401);
            assertThat(callWith(claimsOfElevatedSignedByGenuine)).isEqualTo(401);
        }
        assertThat(verifications("refused") - refused).isEqualTo(4);
        assertThat(callWith(elevated)).isEqualTo(200);
    }

    @Test
    void aTokenTheParserRefusesIsRefusedAgainOnEveryRequest() {
        String expired = Tokens.of("central-officer@mae.gov.vn", "central-officer").mint(Duration.ofMinutes(-10));
        String otherIssuer = Tokens.of("central-officer@mae.gov.vn", "central-officer")
                .claim("iss", "https://identity.example.com").mint();
        String malformed = "not.a-token";
        double refused = verifications("refused");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(callWith(expired)).isEqualTo(401);
            assertThat(callWith(otherIssuer)).isEqualTo(401);
            assertThat(callWith(malformed)).isEqualTo(401);
        }
        assertThat(verifications("refused") - refused).isEqualTo(6);
    }

    @Test
    void aVerificationWithAnExplicitKeyIgnoresTheCache() throws NoSuchAlgorithmException, ParseException {
        String token = Tokens.centralOfficer();
        assertThat(callWith(token)).isEqualTo(200);
        assertThat(parser.parse(token).getName()).isEqualTo("central-officer@mae.gov.vn"); // the cached one

        PublicKey anotherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        assertThatThrownBy(() -> parser.verify(token, anotherKey)).isInstanceOf(ParseException.class);
    }
}
