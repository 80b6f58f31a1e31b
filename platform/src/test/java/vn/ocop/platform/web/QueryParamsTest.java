package vn.ocop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;

import vn.ocop.platform.paging.PageRequest;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;

class QueryParamsTest {

    @Test
    void enumsAreCaseInsensitiveAndABadValueNamesTheAllowedOnes() {
        assertThat(QueryParams.enumValue(DayOfWeek.class, "day", " monday ")).isEqualTo(DayOfWeek.MONDAY);
        assertThat(QueryParams.enumValue(DayOfWeek.class, "day", null)).isNull();
        assertThatThrownBy(() -> QueryParams.enumValue(DayOfWeek.class, "day", "someday"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    Problem problem = e.toProblem();
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("day");
                        assertThat(v.message()).contains("MONDAY", "SUNDAY");
                    });
                });
    }

    @Test
    void pagingDefaultsAndBounds() {
        assertThat(new PageRequest().page()).isZero();
        assertThat(new PageRequest().size()).isEqualTo(20);
        assertThat(PageRequest.of(3, 200).size()).isEqualTo(200);
        assertThatThrownBy(() -> PageRequest.of(0, 201).size()).isInstanceOf(ApiException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> PageRequest.of(-1, 20).page()).isInstanceOf(ApiException.class).hasMessageContaining("page");
        assertThatThrownBy(() -> QueryParams.intValue("productSet", "ten", 1, 26)).hasMessageContaining("whole number");
    }

    @Test
    void aPageMaySkipAtMostMaxOffsetRowsSoPageTimesSizeNeverOverflows() {
        assertThat(PageRequest.of(500, 200).offset()).isEqualTo(PageRequest.MAX_OFFSET);
        assertThat(PageRequest.of(5000, 20).offset()).isEqualTo(PageRequest.MAX_OFFSET);
        assertThatThrownBy(() -> PageRequest.of(501, 200).page()).isInstanceOf(ApiException.class)
                .hasMessage("page: must be between 0 and 500");
        assertThatThrownBy(() -> PageRequest.of(Integer.MAX_VALUE, 100).offset()).isInstanceOf(ApiException.class)
                .hasMessageContaining("page");
    }

    @Test
    void uuidsBooleansAndProvinceCodesNameTheParameterWhenWrong() {
        assertThat(QueryParams.uuidValue("productId", " 0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001 "))
                .hasToString("0b7c3c1e-8a70-4a59-9d3e-3c1bd2f0a001");
        assertThat(QueryParams.uuidValue("productId", "")).isNull();
        assertThatThrownBy(() -> QueryParams.uuidValue("productId", "42")).hasMessageContaining("productId");
        assertThat(QueryParams.booleanValue("late", "TRUE")).isTrue();
        assertThat(QueryParams.booleanValue("late", null)).isFalse();
        assertThatThrownBy(() -> QueryParams.booleanValue("late", "yes")).hasMessageContaining("late");
        assertThat(QueryParams.provinceCode("province", "51")).isEqualTo("51");
        assertThatThrownBy(() -> QueryParams.provinceCode("province", "Huế")).hasMessageContaining("province");
    }
}
