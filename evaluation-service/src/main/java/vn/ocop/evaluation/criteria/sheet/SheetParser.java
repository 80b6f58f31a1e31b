package vn.ocop.evaluation.criteria.sheet;

import static vn.ocop.evaluation.criteria.sheet.SheetLayout.CODE;
import static vn.ocop.evaluation.criteria.sheet.SheetLayout.KIND;
import static vn.ocop.evaluation.criteria.sheet.SheetLayout.POINTS;
import static vn.ocop.evaluation.criteria.sheet.SheetLayout.STARS;
import static vn.ocop.evaluation.criteria.sheet.SheetLayout.TEXT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.ocop.evaluation.criteria.sheet.SheetLayout.Kind;
import vn.ocop.evaluation.rating.CriteriaGroup;
import vn.ocop.evaluation.rating.CriteriaPart;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.Criterion;
import vn.ocop.evaluation.rating.CriterionOption;
import vn.ocop.evaluation.rating.KnockOutGround;
import vn.ocop.evaluation.rating.LegalBasis;
import vn.ocop.evaluation.rating.StarBand;
import vn.ocop.platform.web.TextRules;

/**
 * Reads the rows of a {@link SheetLayout} sheet into a {@link CriteriaSet}, then checks it with the one validation of
 * criteria sets ({@link CriteriaSet#violations()}) and places each violation on the row and column it came from.
 * Problems of the sheet itself (an unknown kind, a number that is not one) are found while reading.
 */
public final class SheetParser {
    /** Longer than any criterion or option text of the printed sheets. */
    static final int MAX_CELL = 4000;
    /** The SET fields that are also columns of the criteria_set table, with their widths there. */
    private static final Map<String, Integer> SET_FIELD_LENGTH = Map.of("id", 60, "title", 300, "decision", 100);

    private final SheetTable table;
    private final List<SheetError> errors = new ArrayList<>();
    /** Where each thing of the set came from: a violation path such as {@code parts[0].groups[1]} → its row. */
    private final Map<String, Integer> rowOf = new HashMap<>();
    private final Map<String, String> setFields = new LinkedHashMap<>();
    private final List<StarBand> bands = new ArrayList<>();
    private final List<PartRows> parts = new ArrayList<>();
    private final List<KnockOutGround> knockOuts = new ArrayList<>();

    private record PartRows(String code, String name, BigDecimal points, List<GroupRows> groups) {
    }

    private record GroupRows(String code, String name, BigDecimal points, List<CriterionRows> criteria) {
    }

    private record CriterionRows(String code, String text, BigDecimal points, List<CriterionOption> options) {
    }

    private SheetParser(SheetTable table) {
        this.table = table;
    }

    /** The criteria set of a sheet; {@link SheetRejected} with every problem when there is any. */
    public static CriteriaSet parse(SheetTable table) {
        SheetParser parser = new SheetParser(table);
        CriteriaSet set = parser.read();
        if (set != null) {
            parser.place(set.violations());
        }
        if (!parser.errors.isEmpty()) {
            throw new SheetRejected(parser.errors);
        }
        return set;
    }

    private CriteriaSet read() {
        List<List<String>> rows = table.rows();
        if (rows.isEmpty() || !header(rows.get(0))) {
            error(1, KIND, "HEADER_MISMATCH", "row 1 must be the header " + String.join(", ", SheetLayout.HEADER));
            return null; // without the header the columns mean nothing: the rest is not read
        }
        for (int r = 1; r < rows.size(); r++) {
            readRow(r + 1, rows.get(r));
        }
        LocalDate from = date("effectiveFrom");
        LocalDate to = date("effectiveTo");
        return new CriteriaSet(setFields.get("id"), setFields.get("title"), new LegalBasis(setFields.get("decision"), from, to),
                productSet(), bands, parts.stream().map(SheetParser::part).toList(), knockOuts, setFields.get("note"));
    }

    private static boolean header(List<String> cells) {
        List<String> names = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        return names.size() >= SheetLayout.HEADER.size() && names.subList(0, SheetLayout.HEADER.size()).equals(SheetLayout.HEADER);
    }

    private void readRow(int row, List<String> cells) {
        String kindText = cell(cells, KIND);
        if (kindText.startsWith("#") || cells.stream().allMatch(String::isEmpty)) {
            return; // a comment or an empty row
        }
        // Reported, and the row still read: the sheet is refused anyway, and its other problems are found too.
        for (int c = 0; c < cells.size(); c++) {
            if (!TextRules.isCleanText(cells.get(c))) {
                error(row, c, "CONTROL_CHARACTER", TextRules.CONTROL_CHARACTER);
            } else if (cells.get(c).length() > MAX_CELL) {
                error(row, c, "TOO_LONG", "at most " + MAX_CELL + " characters");
            }
        }
        Kind kind;
        try {
            kind = Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(row, KIND, "UNKNOWN_KIND", "'" + kindText + "' is not one of SET, BAND, PART, GROUP, CRITERION, OPTION, KNOCKOUT");
            return;
        }
        String code = cell(cells, CODE);
        String text = cell(cells, TEXT);
        switch (kind) {
            case SET -> setField(row, code, text);
            case BAND -> {
                Integer stars = integer(row, cells, STARS, "NOT_A_NUMBER");
                BigDecimal min = required(row, cells, POINTS);
                rowOf.putIfAbsent("starBands", row);
                bands.add(new StarBand(stars == null ? 0 : stars, min));
            }
            case PART -> {
                rowOf.put("parts[" + parts.size() + "]", row);
                parts.add(new PartRows(code(row, code), text, required(row, cells, POINTS), new ArrayList<>()));
            }
            case GROUP -> {
                if (parts.isEmpty()) {
                    error(row, KIND, "OUT_OF_PLACE", "a GROUP belongs to a PART: put a PART row above it");
                    return;
                }
                PartRows part = parts.get(parts.size() - 1);
                rowOf.put(path(part) + ".groups[" + part.groups().size() + "]", row);
                part.groups().add(new GroupRows(code(row, code), text, required(row, cells, POINTS), new ArrayList<>()));
            }
            case CRITERION -> {
                GroupRows group = lastGroup();
                if (group == null) {
                    error(row, KIND, "OUT_OF_PLACE", "a CRITERION belongs to a GROUP: put a GROUP row above it");
                    return;
                }
                rowOf.put(groupPath() + ".criteria[" + group.criteria().size() + "]", row);
                group.criteria().add(new CriterionRows(code(row, code), text, required(row, cells, POINTS), new ArrayList<>()));
            }
            case OPTION -> {
                GroupRows group = lastGroup();
                if (group == null || group.criteria().isEmpty()) {
                    error(row, KIND, "OUT_OF_PLACE", "an OPTION belongs to a CRITERION: put a CRITERION row above it");
                    return;
                }
                CriterionRows criterion = group.criteria().get(group.criteria().size() - 1);
                rowOf.put(groupPath() + ".criteria[" + (group.criteria().size() - 1) + "].options[" + criterion.options().size() + "]", row);
                criterion.options().add(new CriterionOption(code(row, code), text, required(row, cells, POINTS), starLevel(row, cells)));
            }
            case KNOCKOUT -> {
                rowOf.put("knockOuts[" + knockOuts.size() + "]", row);
                knockOuts.add(new KnockOutGround(code(row, code), text));
            }
        }
    }

    private void setField(int row, String field, String value) {
        if (!SheetLayout.SET_FIELDS.contains(field)) {
            error(row, CODE, "UNKNOWN_SET_FIELD", "'" + field + "' is not one of " + String.join(", ", SheetLayout.SET_FIELDS));
        } else if (rowOf.containsKey(field)) {
            error(row, CODE, "DUPLICATE_SET_FIELD", field + " is already given in row " + rowOf.get(field));
        } else {
            rowOf.put(field, row);
            setFields.put(field, value.isEmpty() ? null : value);
            if (value.length() > SET_FIELD_LENGTH.getOrDefault(field, MAX_CELL)) {
                error(row, TEXT, "TOO_LONG", field + ": at most " + SET_FIELD_LENGTH.get(field) + " characters");
            }
        }
    }

    private int productSet() {
        String value = setFields.get("productSet");
        if (value == null) {
            return 0; // reported by the validation as productSet
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            error(rowOf.get("productSet"), TEXT, "NOT_A_NUMBER", "productSet: '" + value + "' is not a whole number 1–26");
            return 0;
        }
    }

    private LocalDate date(String field) {
        String value = setFields.get(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(rowOf.get(field), TEXT, "NOT_A_DATE", field + ": '" + value + "' is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    private String code(int row, String code) {
        if (code.isEmpty()) {
            error(row, CODE, "MISSING_VALUE", "code: required");
            return null;
        }
        return code;
    }

    private BigDecimal required(int row, List<String> cells, int column) {
        String value = cell(cells, column);
        if (value.isEmpty()) {
            error(row, column, "MISSING_VALUE", SheetLayout.HEADER.get(column) + ": required");
            return null;
        }
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            error(row, column, "NOT_A_NUMBER", SheetLayout.HEADER.get(column) + ": '" + value + "' is not a number");
            return null;
        }
    }

    /** The mandatory level of an option: 3, 4 or 5, or the sheet's own marks ***, ****, *****; empty for none. */
    private Integer starLevel(int row, List<String> cells) {
        String value = cell(cells, STARS);
        if (!value.isEmpty() && value.chars().allMatch(c -> c == '*' || c == '★')) {
            return value.length();
        }
        return integer(row, cells, STARS, "INVALID_STAR_LEVEL");
    }

    private Integer integer(int row, List<String> cells, int column, String code) {
        String value = cell(cells, column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            error(row, column, code, SheetLayout.HEADER.get(column) + ": '" + value + "' is not 1–5 or a row of *");
            return null;
        }
    }

    private GroupRows lastGroup() {
        if (parts.isEmpty() || parts.get(parts.size() - 1).groups().isEmpty()) {
            return null;
        }
        List<GroupRows> groups = parts.get(parts.size() - 1).groups();
        return groups.get(groups.size() - 1);
    }

    private String path(PartRows part) {
        return "parts[" + parts.indexOf(part) + "]";
    }

    private String groupPath() {
        return "parts[" + (parts.size() - 1) + "].groups[" + (parts.get(parts.size() - 1).groups().size() - 1) + "]";
    }

    private static CriteriaPart part(PartRows p) {
        return new CriteriaPart(p.code(), p.name(), p.points(), p.groups().stream()
                .map(g -> new CriteriaGroup(g.code(), g.name(), g.points(), g.criteria().stream()
                        .map(c -> new Criterion(c.code(), c.text(), c.points(), c.options())).toList()))
                .toList());
    }

    private static String cell(List<String> cells, int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    private void error(Integer row, int column, String code, String message) {
        errors.add(new SheetError(table.sheet(), row == null ? 1 : row, SheetLayout.letter(column), code, message));
    }

    /** Each violation of the validation on its row and column, unless the reading already reported that cell. */
    private void place(List<CriteriaSet.Violation> violations) {
        List<SheetError> read = List.copyOf(errors);
        for (CriteriaSet.Violation violation : violations) {
            SheetError error = ViolationPlaces.place(table.sheet(), violation, rowOf);
            boolean known = read.stream().anyMatch(e -> e.row() == error.row() && e.column().equals(error.column()));
            if (!known) {
                errors.add(error);
            }
        }
    }
}
