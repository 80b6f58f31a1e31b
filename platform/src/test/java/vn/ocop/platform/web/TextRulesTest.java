package vn.ocop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void textMayHoldNewlinesTabsAndAnyLanguageButNoOtherControlCharacter() {
        assertThat(TextRules.isCleanText("Hợp tác xã Trà Tân Cương\nXóm 3\tThái Nguyên 🍵")).isTrue();
        assertThat(TextRules.isCleanText(null)).isTrue();
        assertThat(TextRules.isCleanText("a\u0000b")).isFalse();
        assertThat(TextRules.isCleanText("a\rb")).isFalse();
        assertThat(TextRules.isCleanText("a\u001bb")).isFalse();
        assertThat(TextRules.isCleanText("a\u007fb")).isFalse();
        assertThat(TextRules.isCleanText("a\u0085b")).isFalse();
    }

    @Test
    void aLoneSurrogateIsNotText() {
        assertThat(TextRules.isCleanText("\ud83c\udf75")).isTrue();
        assertThat(TextRules.isCleanText("a\ud83c")).isFalse();
        assertThat(TextRules.isCleanText("\udf75a")).isFalse();
    }

    @Test
    void pathAndQueryValuesHoldNoControlCharacterAtAll() {
        assertThat(TextRules.isCleanLine("Sóc Trăng")).isTrue();
        assertThat(TextRules.isCleanLine("a\nb")).isFalse();
        assertThat(TextRules.isCleanLine("a\tb")).isFalse();
    }

    @Test
    void likeMetacharactersAreMatchedLiterally() {
        assertThat(LikePattern.containing("50%_off!")).isEqualTo("%50!%!_off!!%");
        assertThat(LikePattern.escape("trà")).isEqualTo("trà");
    }

    @Test
    void bodyLimitsReadQuarkusMemorySizes() {
        assertThat(RequestLimits.bytes("64M")).isEqualTo(64L * 1024 * 1024);
        assertThat(RequestLimits.bytes("10240K")).isEqualTo(10240L * 1024);
        assertThat(RequestLimits.bytes("2048")).isEqualTo(2048L);
    }
}
