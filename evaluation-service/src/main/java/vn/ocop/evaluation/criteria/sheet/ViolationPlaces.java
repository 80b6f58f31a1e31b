package vn.ocop.evaluation.criteria.sheet;

import static vn.ocop.evaluation.criteria.sheet.SheetLayout.CODE;
import static vn.ocop.evaluation.criteria.sheet.SheetLayout.KIND;
import static vn.ocop.evaluation.criteria.sheet.SheetLayout.POINTS;
import static vn.ocop.evaluation.criteria.sheet.SheetLayout.STARS;
import static vn.ocop.evaluation.criteria.sheet.SheetLayout.TEXT;

import java.util.Map;

import vn.ocop.evaluation.rating.CriteriaSet;

/**
 * Places a violation of {@link CriteriaSet#violations()} (a JSON path such as {@code parts[0].groups[1].maxPoints}) on
 * the sheet: the row the thing came from, the column of the field, and a stable code for the kind of problem.
 */
final class ViolationPlaces {
    private ViolationPlaces() {
    }

    static SheetError place(String sheet, CriteriaSet.Violation violation, Map<String, Integer> rowOf) {
        String field = violation.field();
        int dot = field.lastIndexOf('.');
        String owner = dot < 0 ? field : field.substring(0, dot);
        String name = dot < 0 ? field : field.substring(dot + 1);
        if (field.startsWith("legalBasis")) {
            String setField = field.endsWith("effectiveTo") ? "effectiveTo" : rowOf.containsKey("effectiveFrom") ? "effectiveFrom" : "decision";
            return error(sheet, rowOf.get(setField), TEXT, "INVALID_SET_FIELD", violation);
        }
        return switch (name) {
            case "id", "title", "productSet" -> error(sheet, rowOf.get(field), TEXT, "INVALID_SET_FIELD", violation);
            case "code" -> error(sheet, rowOf.get(owner), CODE, "DUPLICATE_CODE", violation);
            case "text" -> error(sheet, rowOf.get(owner), TEXT, "MISSING_VALUE", violation);
            case "maxPoints" -> error(sheet, rowOf.get(owner), POINTS, "POINTS_DO_NOT_ADD_UP", violation);
            case "points" -> error(sheet, rowOf.get(owner), POINTS, "INVALID_POINTS", violation);
            case "minimumFor" -> error(sheet, rowOf.get(owner), STARS, "INVALID_STAR_LEVEL", violation);
            case "options" -> error(sheet, rowOf.get(owner), KIND, "NO_OPTIONS", violation);
            case "criteria" -> error(sheet, rowOf.get(owner), KIND, "NO_CRITERIA", violation);
            case "starBands" -> error(sheet, rowOf.get("starBands"), POINTS, "INVALID_STAR_BANDS", violation);
            // The whole of the parts: the first PART row carries the total.
            case "parts" -> error(sheet, rowOf.get("parts[0]"), rowOf.containsKey("parts[0]") ? POINTS : KIND,
                    rowOf.containsKey("parts[0]") ? "POINTS_DO_NOT_ADD_UP" : "NO_PARTS", violation);
            default -> field.startsWith("knockOuts[")
                    ? error(sheet, rowOf.get(field), CODE, "INVALID_KNOCK_OUT", violation)
                    : error(sheet, null, KIND, "INVALID_CRITERIA_SET", violation);
        };
    }

    /** A missing row (a SET field not given at all) is reported on the header row. */
    private static SheetError error(String sheet, Integer row, int column, String code, CriteriaSet.Violation violation) {
        return new SheetError(sheet, row == null ? 1 : row, SheetLayout.letter(column), code,
                violation.field() + ": " + violation.message());
    }
}
