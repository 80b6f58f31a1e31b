package vn.ocop.evaluation.criteria.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.ocop.evaluation.rating.CriteriaGroup;
import vn.ocop.evaluation.rating.CriteriaPart;
import vn.ocop.evaluation.rating.CriteriaSet;
import vn.ocop.evaluation.rating.Criterion;
import vn.ocop.evaluation.rating.CriterionOption;
import vn.ocop.evaluation.rating.KnockOutGround;
import vn.ocop.evaluation.rating.StarBand;

/**
 * Writes a criteria set in the {@link SheetLayout}: what {@link SheetParser} reads back to the same set. The shipped
 * sheets ({@code criteria-sets/sheets/}) are made with it from the JSON sets, so they hold exactly the same content
 * ({@code ShippedSheetsTest} proves it and regenerates them with {@code -Dsheets.regenerate=true}).
 */
public final class SheetWriter {
    public static final String SHEET_NAME = "criteria-set";

    private SheetWriter() {
    }

    /** The rows, header first; points and stars as plain numbers. */
    public static List<List<String>> rows(CriteriaSet set) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(SheetLayout.HEADER);
        String from = set.legalBasis() == null || set.legalBasis().effectiveFrom() == null ? "" : set.legalBasis().effectiveFrom().toString();
        String to = set.legalBasis() == null || set.legalBasis().effectiveTo() == null ? "" : set.legalBasis().effectiveTo().toString();
        rows.add(row("SET", "id", set.id(), null, null));
        rows.add(row("SET", "title", set.title(), null, null));
        rows.add(row("SET", "productSet", String.valueOf(set.productSet()), null, null));
        rows.add(row("SET", "decision", set.legalBasis() == null ? "" : set.legalBasis().decision(), null, null));
        rows.add(row("SET", "effectiveFrom", from, null, null));
        rows.add(row("SET", "effectiveTo", to, null, null));
        rows.add(row("SET", "note", set.note(), null, null));
        for (StarBand band : set.starBands()) {
            rows.add(row("BAND", "", "", band.minScore(), band.stars()));
        }
        for (CriteriaPart part : set.parts()) {
            rows.add(row("PART", part.code(), part.name(), part.maxPoints(), null));
            for (CriteriaGroup group : part.groups()) {
                rows.add(row("GROUP", group.code(), group.name(), group.maxPoints(), null));
                for (Criterion criterion : group.criteria()) {
                    rows.add(row("CRITERION", criterion.code(), criterion.text(), criterion.maxPoints(), null));
                    for (CriterionOption option : criterion.options()) {
                        rows.add(row("OPTION", option.code(), option.text(), option.points(), option.minimumFor()));
                    }
                }
            }
        }
        for (KnockOutGround ground : set.knockOuts()) {
            rows.add(row("KNOCKOUT", ground.code(), ground.text(), null, null));
        }
        return rows;
    }

    /**
     * The empty template: the header, a comment row ({@code #…}, ignored when read) saying what each kind of row holds,
     * the SET rows to fill in and the star bands of the rule (QĐ 26/2026: 90/70/50/30). No criteria: those come from
     * the official sheet of each product set.
     */
    public static List<List<String>> template() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(SheetLayout.HEADER);
        rows.add(row("# Một dòng cho mỗi mục của phiếu, theo thứ tự in; mỗi GROUP thuộc PART phía trên, mỗi CRITERION thuộc GROUP, mỗi OPTION thuộc CRITERION",
                "", "", null, null));
        rows.add(row("# SET: code = id|title|productSet|decision|effectiveFrom|effectiveTo|note, text = giá trị", "", "", null, null));
        rows.add(row("# BAND: points = điểm tối thiểu, stars = số sao", "", "", null, null));
        rows.add(row("# PART / GROUP / CRITERION: code, text = tên hoặc nội dung, points = điểm tối đa", "", "", null, null));
        rows.add(row("# OPTION: code, text, points = điểm của lựa chọn, stars = 3, 4 hoặc 5 (***) nếu là mức bắt buộc", "", "", null, null));
        rows.add(row("# KNOCKOUT: code, text = điều kiện loại hồ sơ", "", "", null, null));
        for (String field : SheetLayout.SET_FIELDS) {
            rows.add(row("SET", field, "", null, null));
        }
        int[][] bands = {{5, 90}, {4, 70}, {3, 50}, {2, 30}, {1, 0}};
        for (int[] band : bands) {
            rows.add(row("BAND", "", "", BigDecimal.valueOf(band[1]), band[0]));
        }
        return rows;
    }

    /** RFC 4180 CSV, CRLF line ends, UTF-8 without BOM. */
    public static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                out.append(c == 0 ? "" : ",");
                out.append(cell.matches("(?s).*[\",\r\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** An XLSX workbook of one sheet; the points and stars columns hold numbers so that a spreadsheet can sum them. */
    public static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    String value = cells.get(c);
                    boolean number = r > 0 && c >= SheetLayout.POINTS && !value.isEmpty() && value.matches("-?\\d+(\\.\\d+)?");
                    if (number) {
                        row.createCell(c).setCellValue(new BigDecimal(value).doubleValue());
                    } else if (!value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            for (int c = 0; c < SheetLayout.HEADER.size(); c++) {
                sheet.setColumnWidth(c, (c == SheetLayout.TEXT ? 80 : 14) * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(String kind, String code, String text, BigDecimal points, Integer stars) {
        return Arrays.asList(kind, code == null ? "" : code, text == null ? "" : text,
                points == null ? "" : points.toPlainString(), stars == null ? "" : String.valueOf(stars));
    }
}
