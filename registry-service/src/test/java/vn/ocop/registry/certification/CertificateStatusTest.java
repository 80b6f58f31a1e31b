package vn.ocop.registry.certification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The status rule that makes the projection order-tolerant: facts only add up, terminal facts win. */
class CertificateStatusTest {

    @Test
    void revocationWinsOverEveryOtherFact() {
        assertThat(CertificateStatus.of(true, false, false)).isEqualTo(CertificateStatus.REVOKED);
        assertThat(CertificateStatus.of(true, true, true)).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    void expiryWinsOverSupersessionSoAnExpiredCertificateIsNeverShownAsMerelyReplaced() {
        assertThat(CertificateStatus.of(false, true, true)).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(CertificateStatus.of(false, false, true)).isEqualTo(CertificateStatus.SUPERSEDED);
        assertThat(CertificateStatus.of(false, false, false)).isEqualTo(CertificateStatus.ACTIVE);
    }
}
