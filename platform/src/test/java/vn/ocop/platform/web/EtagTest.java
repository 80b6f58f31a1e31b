package vn.ocop.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.ocop.platform.problem.ApiException;

class EtagTest {

    @Test
    void theCurrentVersionMatchesStrongWeakListedOrWildcard() {
        assertThatCode(() -> Etag.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Etag.requireMatch("W/\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Etag.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> Etag.requireMatch("*", 3)).doesNotThrowAnyException();
    }

    @Test
    void aStaleVersionIs412AndAMissingHeaderIs428() {
        assertThatThrownBy(() -> Etag.requireMatch("\"2\"", 3)).isInstanceOfSatisfying(ApiException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> Etag.requireMatch("3", 3)).isInstanceOf(ApiException.class); // unquoted is not an ETag
        assertThatThrownBy(() -> Etag.requireMatch(" ", 3)).isInstanceOfSatisfying(ApiException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("PRECONDITION_REQUIRED"));
    }

    @Test
    void anIfMatchHeaderReadForLaterFollowsRfc9110() {
        assertThatCode(() -> Etag.ifMatch("\"3\"").require(3)).doesNotThrowAnyException();
        assertThatCode(() -> Etag.ifMatch("W/\"3\"").require(3)).doesNotThrowAnyException();
        assertThatCode(() -> Etag.ifMatch("\"3\", \"4\"").require(3)).doesNotThrowAnyException();
        assertThatCode(() -> Etag.ifMatch("\"3\", \"4\"").require(4)).doesNotThrowAnyException();
        assertThatCode(() -> Etag.ifMatch("*").require(7)).doesNotThrowAnyException();
        assertThatCode(() -> Etag.ifMatch("\"x\", \"7\"").require(7)).doesNotThrowAnyException();
        for (String stale : new String[] {"\"3\", \"4\"", "3", "\"05\"", "\"\"", "\"99999999999999999999\""}) {
            assertThatThrownBy(() -> Etag.ifMatch(stale).require(5)).as(stale).isInstanceOfSatisfying(ApiException.class,
                    e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("PRECONDITION_FAILED"));
        }
        assertThatThrownBy(() -> Etag.ifMatch(null)).isInstanceOfSatisfying(ApiException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(428));
    }
}
