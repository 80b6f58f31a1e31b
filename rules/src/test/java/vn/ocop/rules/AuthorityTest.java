package vn.ocop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who recognises and who revokes, by star level and the version in force on the decision date: one function. */
class AuthorityTest {
    private final ProgrammeRules rules = ProgrammeRules.standard();

    @ParameterizedTest(name = "{0}, {1}★ → {2}")
    @CsvSource({
            "2020-06-01,3,PROVINCIAL", "2020-06-01,4,PROVINCIAL", "2020-06-01,5,CENTRAL",  // 1048
            "2024-06-01,3,DISTRICT", "2024-06-01,4,PROVINCIAL", "2024-06-01,5,CENTRAL",    // 148
            "2025-07-06,3,PROVINCIAL", "2025-07-06,4,PROVINCIAL", "2025-07-06,5,CENTRAL",  // 148 + 1489
            "2026-12-01,3,PROVINCIAL", "2026-12-01,4,PROVINCIAL", "2026-12-01,5,CENTRAL"}) // 26/2026
    void theMatrix(LocalDate decidedOn, int stars, Authority authority) {
        assertThat(rules.inForceOn(decidedOn).authorityFor(stars)).isEqualTo(authority);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2", "6"})
    void nothingBelowThreeStarsOrAboveFiveIsRecognised(int stars) {
        for (RuleVersion version : rules.versions()) {
            assertThatThrownBy(() -> version.authorityFor(stars)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(stars + "★");
        }
    }
}
