package vn.ocop.registry.province;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;
import vn.ocop.platform.problem.ApiException;
import vn.ocop.platform.problem.Problem;

/**
 * Resolves the commune a producer or product names, within its (current) province. A commune of the list in force
 * stands for itself; a former commune's code (before 1/7/2025) or a commune's current or former name resolves to the
 * commune in force, and the value given is kept alongside, as {@link ProvinceDirectory} does for former provinces.
 */
@ApplicationScoped
public class CommuneDirectory {
    /** Refused: the former commune was split across several communes, which the detail names. */
    public static final String SPLIT = "FORMER_COMMUNE_SPLIT";
    /** Refused: several former communes of the province bear that name, which the detail names. */
    public static final String AMBIGUOUS = "FORMER_COMMUNE_AMBIGUOUS";

    /** The commune in force, plus the former code or name it was reached from (null when given by its own code). */
    public record ResolvedCommune(String code, String name, String given) {
    }

    private static final List<String> KIND_PREFIXES = List.of("", "xa ", "phuong ", "thi tran ", "dac khu ");

    /**
     * @param legacyProvinceCode the former province the caller named, if any: former communes are then looked up in it
     * @return null when no commune is given
     */
    public ResolvedCommune resolve(String field, String given, String provinceCode, String legacyProvinceCode) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String value = given.trim();
        if (value.matches("\\d{5}")) {
            Commune current = Commune.findById(value);
            if (current != null && current.provinceCode.equals(provinceCode)) {
                return new ResolvedCommune(current.code, current.name, null);
            }
            List<FormerCommune> former = FormerCommune.list("code", value);
            if (former.isEmpty() && current == null) {
                throw ApiException.invalidField(field, "unknown commune code " + value
                        + " (see GET /api/v1/provinces/" + provinceCode + "/communes)");
            }
            List<FormerCommune> inProvince = inProvince(former, provinceCode, null);
            if (inProvince.isEmpty()) {
                Commune elsewhere = current != null ? current : Commune.findById(former.get(0).communeCode);
                throw ApiException.invalidField(field, (current != null ? "commune " + value + " (" + current.name + ")"
                        : "former commune " + value + " (" + former.get(0).name + ") became " + elsewhere.code + " "
                        + elsewhere.name + ", which") + " lies in province " + elsewhere.provinceCode + ", not " + provinceCode);
            }
            return single(field, value, inProvince);
        }
        List<String> names = KIND_PREFIXES.stream().map(prefix -> prefix + SearchText.fold(value)).toList();
        List<Commune> current = exactFirst(Commune.list("provinceCode = :province and searchName in :names",
                Parameters.with("province", provinceCode).and("names", names)), c -> c.name, value);
        if (current.size() == 1) {
            return new ResolvedCommune(current.get(0).code, current.get(0).name, null);
        }
        if (current.size() > 1) {
            throw ApiException.invalidField(field, "several communes are named '" + value + "': give a code: "
                    + current.stream().map(c -> c.code + " " + c.name).sorted().collect(Collectors.joining(", ")));
        }
        List<FormerCommune> former = exactFirst(inProvince(FormerCommune.list("searchName in ?1", names), provinceCode,
                legacyProvinceCode), f -> f.name, value);
        if (former.isEmpty()) {
            throw ApiException.invalidField(field, "no commune or former commune named '" + value + "' in province "
                    + provinceCode + " (see GET /api/v1/provinces/" + provinceCode + "/communes)");
        }
        return single(field, value, former);
    }

    /**
     * Matching ignores diacritics, which makes "Bình Thạnh" and "Bình Thanh" alike; when some names match as written
     * (case and a kind word aside), only those count.
     */
    private static <T> List<T> exactFirst(List<T> found, Function<T, String> name, String given) {
        String wanted = Normalizer.normalize(given, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<T> exact = found.stream().filter(item -> {
            String written = Normalizer.normalize(name.apply(item), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            return written.equals(wanted) || written.endsWith(" " + wanted) && SearchText.fold(
                    written.substring(0, written.length() - wanted.length() - 1)).matches("xa|phuong|thi tran|dac khu");
        }).toList();
        return exact.isEmpty() ? found : exact;
    }

    private static List<FormerCommune> inProvince(List<FormerCommune> former, String provinceCode, String legacyProvinceCode) {
        if (former.isEmpty()) {
            return former;
        }
        Map<String, String> provinceOf = Commune.<Commune>list("code in ?1",
                former.stream().map(f -> f.communeCode).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(c -> c.code, c -> c.provinceCode));
        return former.stream().filter(f -> provinceCode.equals(provinceOf.get(f.communeCode)))
                .filter(f -> legacyProvinceCode == null || legacyProvinceCode.equals(f.legacyProvinceCode)).toList();
    }

    private static String place(FormerCommune f) {
        return f.districtName == null ? f.name : f.name + ", " + f.districtName;
    }

    /** One commune in force, or a 400 naming the candidates of a split or an ambiguous name. */
    private static ResolvedCommune single(String field, String given, List<FormerCommune> former) {
        Map<String, Commune> targets = new LinkedHashMap<>();
        former.stream().map(f -> f.communeCode).distinct().sorted()
                .forEach(code -> targets.put(code, Commune.findById(code)));
        if (targets.size() == 1) {
            Commune commune = targets.values().iterator().next();
            return new ResolvedCommune(commune.code, commune.name, given);
        }
        String candidates = targets.values().stream().map(c -> c.code + " " + c.name).collect(Collectors.joining(", "));
        boolean oneFormerCommune = former.stream().map(f -> f.name + "|" + f.districtName + "|" + f.legacyProvinceCode)
                .distinct().count() == 1;
        String message = oneFormerCommune
                ? "former commune " + given + " (" + place(former.get(0)) + ") was split; give the commune in force: " + candidates
                : "several former communes are named '" + given + "' (" + former.stream()
                        .map(f -> place(f) + " → " + f.communeCode).distinct()
                        .collect(Collectors.joining("; ")) + "); give a code: " + candidates;
        throw new ApiException(400, oneFormerCommune ? SPLIT : AMBIGUOUS, "Commune cannot be resolved",
                field + ": " + message, List.of(new Problem.Violation(field, message)));
    }
}
