package vn.ocop.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void nothingAskedListsEverything() {
        Where where = new Where().and("status = :status", "status", null);
        assertThat(where.query()).isEqualTo("1 = 1");
        assertThat(where.parameters().map()).isEmpty();
    }

    @Test
    void aFilterAskedForIsAddedWithItsValue() {
        Where where = new Where().and("status = :status", "status", "ACTIVE").and("kind = :kind", "kind", 3);
        assertThat(where.query()).isEqualTo("1 = 1 and status = :status and kind = :kind");
        assertThat(where.parameters().map()).isEqualTo(Map.of("status", "ACTIVE", "kind", 3));
    }

    @Test
    void aScopeIsAddedEvenWithoutAValueSoItNeverWidens() {
        Where where = new Where().andAlways("provinceCode = :province", "province", null);
        assertThat(where.query()).isEqualTo("1 = 1 and provinceCode = :province");
        assertThat(where.parameters().map()).containsEntry("province", null);
    }

    @Test
    void aConditionMayBindSeveralParameters() {
        Where where = new Where().and("provinceCode = :province and communeCode = :commune").bind("province", "01").bind("commune", "00004");
        assertThat(where.query()).isEqualTo("1 = 1 and provinceCode = :province and communeCode = :commune");
        assertThat(where.parameters().map()).isEqualTo(Map.of("province", "01", "commune", "00004"));
    }

    @Test
    void containsIgnoresCaseAndTreatsWildcardsAsText() {
        Where where = new Where().andContains("name", "name", "Chè_100%").andContains("note", "note", "  ");
        assertThat(where.query()).isEqualTo("1 = 1 and lower(name) like :name escape '!'");
        assertThat(where.parameters().map()).isEqualTo(Map.of("name", "%chè!_100!%%"));
    }

    @Test
    void aSubqueryCarriesItsParameters() {
        Where listings = new Where().andAlways("l.provinceCode = :province", "province", "01");
        Where where = new Where().andIn("listingId", "select l.id from Listing l", listings).and("period = :period", "period", "2026-01");
        assertThat(where.query()).isEqualTo(
                "1 = 1 and listingId in (select l.id from Listing l where 1 = 1 and l.provinceCode = :province) and period = :period");
        assertThat(where.parameters().map()).isEqualTo(Map.of("province", "01", "period", "2026-01"));
    }
}
