package vn.ocop.registry.province;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import vn.ocop.platform.problem.ApiException;

/**
 * Resolves province codes: a code of the current list stands for itself; a code of a former province (e.g. 94 Sóc
 * Trăng) resolves to the unit it merged into (92 Cần Thơ) and the original is kept alongside.
 */
@ApplicationScoped
public class ProvinceDirectory {
    public static final String CURRENT_UNIT_LIST = "2025";

    /** A current unit, plus the legacy code it was reached from when that differs. */
    public record ResolvedProvince(Province province, String legacyCode) {
    }

    public ResolvedProvince resolve(String field, String code) {
        if (code == null || !code.matches("\\d{2}")) {
            throw ApiException.invalidField(field, "must be a 2-digit province code");
        }
        Province current = Province.findById(code);
        if (current != null) {
            return new ResolvedProvince(current, null);
        }
        LegacyProvince legacy = LegacyProvince.findById(code);
        if (legacy != null) {
            return new ResolvedProvince(Province.findById(legacy.mergedInto), legacy.code);
        }
        throw ApiException.invalidField(field, "unknown province code " + code);
    }

    /**
     * Resolves a province name, current first, then former ("Sóc Trăng" → Cần Thơ). Case, diacritics and a leading
     * "Tỉnh"/"Thành phố"/"TP" are ignored, since addresses write them inconsistently.
     */
    public Optional<ResolvedProvince> resolveName(String name) {
        String wanted = withoutPrefix(SearchText.fold(name));
        for (Province province : current()) {
            if (withoutPrefix(SearchText.fold(province.name)).equals(wanted)) {
                return Optional.of(new ResolvedProvince(province, null));
            }
        }
        for (LegacyProvince legacy : LegacyProvince.<LegacyProvince>listAll()) {
            if (withoutPrefix(SearchText.fold(legacy.name)).equals(wanted)) {
                return Optional.of(new ResolvedProvince(Province.findById(legacy.mergedInto), legacy.code));
            }
        }
        return Optional.empty();
    }

    private static String withoutPrefix(String folded) {
        return folded.replaceFirst("^(tinh|thanh pho|tp\\.?)\\s+", "").replace("-", " ").replaceAll("\\s+", " ").trim();
    }

    public List<Province> current() {
        return Province.listAll(io.quarkus.panache.common.Sort.by("code"));
    }
}
