package vn.ocop.registry.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void acceptsGs1NumbersWithTheirCheckDigit() {
        assertThat(Gtin.Validator.isValidGtin("8936045123454")).isTrue();   // GTIN-13, Vietnam prefix 893
        assertThat(Gtin.Validator.isValidGtin("89351239")).isTrue();        // GTIN-8
        assertThat(Gtin.Validator.isValidGtin("036000291452")).isTrue();    // GTIN-12 (UPC-A)
        assertThat(Gtin.Validator.isValidGtin("10036000291459")).isTrue();  // GTIN-14
    }

    @Test
    void refusesWrongCheckDigitsLengthsAndLetters() {
        assertThat(Gtin.Validator.isValidGtin("8936045123455")).isFalse();
        assertThat(Gtin.Validator.isValidGtin("893604512345")).isFalse();   // 12 digits, wrong check digit
        assertThat(Gtin.Validator.isValidGtin("8936045")).isFalse();
        assertThat(Gtin.Validator.isValidGtin("89360451234X4")).isFalse();
    }
}
