package vn.ocop.evaluation.criteria.sheet;

import java.util.List;

/**
 * The one layout of a criteria sheet, for XLSX and CSV alike (guide: integration guide, "Loading score sheets"). Row 1
 * is the header {@code kind, code, text, points, stars}; every further row is one thing of the score sheet, in the
 * order of the printed sheet, and belongs to the PART, GROUP or CRITERION above it.
 *
 * <pre>
 * kind       code                 text              points      stars
 * SET        id|title|productSet|decision|effectiveFrom|effectiveTo|note   the value
 * BAND                                              min. score  stars (1–5)
 * PART       A                    name              points
 * GROUP      1                    name              points
 * CRITERION  1.1                  criterion text    points
 * OPTION     1.1.a                option text       points      3, 4 or 5 (or ***, ****, *****): the mandatory level
 * KNOCKOUT   KO-FORGED            the ground
 * </pre>
 */
public final class SheetLayout {
    public static final List<String> HEADER = List.of("kind", "code", "text", "points", "stars");
    public static final int KIND = 0;
    public static final int CODE = 1;
    public static final int TEXT = 2;
    public static final int POINTS = 3;
    public static final int STARS = 4;

    /** The kinds of row, in the order they usually come. */
    public enum Kind { SET, BAND, PART, GROUP, CRITERION, OPTION, KNOCKOUT }

    /** The SET rows' codes: the criteria set's own fields. */
    public static final List<String> SET_FIELDS = List.of("id", "title", "productSet", "decision", "effectiveFrom", "effectiveTo", "note");

    private SheetLayout() {
    }

    /** A, B, C… for a column index from 0. */
    public static String letter(int column) {
        return String.valueOf((char) ('A' + column));
    }
}
