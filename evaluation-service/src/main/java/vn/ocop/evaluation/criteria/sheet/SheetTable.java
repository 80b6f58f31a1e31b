package vn.ocop.evaluation.criteria.sheet;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.ocop.platform.files.FileContent;
import vn.ocop.platform.imports.Rows;
import vn.ocop.platform.problem.ApiException;

/**
 * The cells of an uploaded criteria sheet as text, whatever the format: the first sheet of an XLSX workbook or a
 * UTF-8 CSV file. Hostile files (not a workbook, a zip bomb, too many rows, broken UTF-8) are refused here with a
 * 4xx problem before anything is parsed.
 *
 * @param format {@code XLSX} or {@code CSV}
 * @param sheet  the sheet's name ({@code csv} for a CSV file)
 * @param rows   the cells of each row from row 1, trimmed; a missing cell is ""
 */
public record SheetTable(String format, String sheet, List<List<String>> rows) {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = Rows.CSV;
    /** More rows than any score sheet has (set 1 has about 150); a bigger file is not a criteria set. */
    public static final int MAX_ROWS = 2000;
    static final int MAX_COLUMNS = 26;
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    static {
        // A workbook is a zip: refuse entries that inflate beyond 100× or 16 MiB (POI's defaults allow 4 GiB).
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(16L * 1024 * 1024);
    }

    /** Reads the upload by its declared type; an unlabelled one ({@code application/octet-stream}) by its content. */
    public static SheetTable read(String contentType, byte[] content, int maxBytes) {
        if (content == null || content.length == 0) {
            throw unreadable("The body is empty: send the criteria sheet as XLSX or CSV");
        }
        if (content.length > maxBytes) {
            throw new ApiException(413, "SHEET_TOO_LARGE", "Criteria sheet too large",
                    "The criteria sheet has " + content.length + " bytes; at most " + maxBytes + " are accepted");
        }
        String type = FileContent.mediaType(contentType);
        boolean zip = content.length >= ZIP.length && Arrays.equals(Arrays.copyOf(content, ZIP.length), ZIP);
        if (type.equals(XLSX) || (type.isEmpty() || type.equals("application/octet-stream")) && zip) {
            return xlsx(content);
        }
        if (type.equals(CSV) || type.isEmpty() || type.equals("application/octet-stream")) {
            if (zip) {
                throw unreadable("The CSV file is a zip archive; send a workbook as " + XLSX);
            }
            return csv(content);
        }
        throw new ApiException(415, "UNSUPPORTED_SHEET_TYPE", "Unsupported criteria sheet type",
                "A criteria sheet is an XLSX workbook (" + XLSX + ") or a CSV file (" + CSV + "), not " + type);
    }

    private static SheetTable xlsx(byte[] content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw unreadable("The workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() + 1 > MAX_ROWS) {
                throw tooManyRows(sheet.getLastRowNum() + 1);
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                }
                rows.add(cells);
            }
            return new SheetTable("XLSX", sheet.getSheetName(), rows);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            // POI reports a broken zip, a zip bomb or a non-workbook in many exception types; all mean the same here.
            throw unreadable("Not a readable XLSX workbook: " + e.getClass().getSimpleName());
        }
    }

    /** A cell as the text a person sees: numbers without a trailing ".0", dates as yyyy-MM-dd, formulas by their cached value. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().replace("\r\n", "\n").trim();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new BigDecimal(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()).toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static SheetTable csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable("The CSV file is not UTF-8 text (save it as \"CSV UTF-8\")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw unreadable("The CSV file contains NUL characters: it is not a text file");
        }
        List<List<String>> records = Rows.parseCsv(text);
        if (records.size() > MAX_ROWS) {
            throw tooManyRows(records.size());
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> record : records) {
            rows.add(record.stream().limit(MAX_COLUMNS).map(cell -> cell.replace("\r\n", "\n").trim()).toList());
        }
        return new SheetTable("CSV", "csv", rows);
    }

    private static ApiException tooManyRows(int rows) {
        return new ApiException(413, "SHEET_TOO_LARGE", "Criteria sheet too large",
                "The criteria sheet has " + rows + " rows; at most " + MAX_ROWS + " are accepted");
    }

    private static ApiException unreadable(String detail) {
        return new ApiException(400, "UNREADABLE_SHEET", "Unreadable criteria sheet", detail);
    }
}
