package vn.ocop.evaluation.criteria.sheet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One problem of an uploaded criteria sheet, where a person finds it in their spreadsheet program.
 *
 * @param sheet  the workbook's sheet name, or {@code csv} for a CSV file
 * @param row    the spreadsheet row number (the header is row 1)
 * @param column the column letter, A ({@code kind}) to E ({@code stars})
 * @param code   what kind of problem, stable for programs
 */
@Schema(name = "SheetError", description = "A problem in an uploaded criteria sheet, with where it is")
public record SheetError(
        @Schema(example = "criteria-set") String sheet,
        @Schema(example = "14") int row,
        @Schema(example = "D") String column,
        @Schema(example = "POINTS_DO_NOT_ADD_UP") String code,
        @Schema(example = "must equal the sum of its criteria (17)") String message) {
}
