package vn.ocop.platform.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.platform.security.tokens.TokenCalls.callWith;
import static vn.ocop.platform.security.tokens.TokenCalls.verifications;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** With ocop.security.token-cache.enabled=false every request's token is verified again. */
@QuarkusTest
@TestProfile(TokenCacheSwitchedOffTest.CacheOff.class)
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "registry"))
class TokenCacheSwitchedOffTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ocop.security.token-cache.enabled", "false");
        }
    }

    @Test
    void everyRequestVerifiesItsToken() {
        String token = Tokens.centralOfficer();
        double verified = verifications("verified");
        double cached = verifications("cache");

        assertThat(callWith(token)).isEqualTo(200);
        assertThat(callWith(token)).isEqualTo(200);

        assertThat(verifications("verified") - verified).isEqualTo(2);
        assertThat(verifications("cache") - cached).isZero();
    }
}
