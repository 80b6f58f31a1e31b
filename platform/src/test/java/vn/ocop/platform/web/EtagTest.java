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
    void theExpectedVersionOfAnIfMatchHeader() {
        org.assertj.core.api.Assertions.assertThat(Etag.expectedVersion("\"3\"")).isEqualTo(3L);
        org.assertj.core.api.Assertions.assertThat(Etag.expectedVersion("W/\"3\"")).isEqualTo(3L);
        org.assertj.core.api.Assertions.assertThat(Etag.expectedVersion("*")).isNull();
        org.assertj.core.api.Assertions.assertThat(Etag.expectedVersion("3")).isEqualTo(-1L); // unquoted is not an ETag
        assertThatThrownBy(() -> Etag.expectedVersion(null)).isInstanceOfSatisfying(ApiException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(428));
        assertThatCode(() -> Etag.requireVersion(null, 7)).doesNotThrowAnyException();
        assertThatCode(() -> Etag.requireVersion(7L, 7)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Etag.requireVersion(-1L, 7)).isInstanceOfSatisfying(ApiException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("PRECONDITION_FAILED"));
    }
}
