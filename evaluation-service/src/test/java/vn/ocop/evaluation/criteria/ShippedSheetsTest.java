package vn.ocop.evaluation.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ocop.evaluation.criteria.sheet.SheetParser;
import vn.ocop.evaluation.criteria.sheet.SheetTable;
import vn.ocop.evaluation.criteria.sheet.SheetWriter;
import vn.ocop.evaluation.rating.CriteriaSet;

/**
 * The sheets shipped in {@code criteria-sets/sheets/} are the JSON sets written in the sheet layout: read back, they are
 * the same criteria set. Run with {@code -Dsheets.regenerate=true} to write them again after a JSON set changes.
 */
class ShippedSheetsTest {
    static final Path SHEETS = Path.of("src/main/resources/criteria-sets/sheets");
    static final List<String> SHIPPED = List.of("QD26-2026-S01");

    @Test
    void eachShippedSheetReadsBackAsItsJsonSet() throws IOException {
        if (Boolean.getBoolean("sheets.regenerate")) {
            regenerate();
        }
        for (String id : SHIPPED) {
            CriteriaSet json = CriteriaSetJson.resource(id);
            byte[] csv = Files.readAllBytes(SHEETS.resolve(id + ".csv"));
            assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo(SheetWriter.csv(SheetWriter.rows(json)));
            assertThat(CriteriaSetJson.write(SheetParser.parse(SheetTable.read(SheetTable.CSV, csv, Integer.MAX_VALUE))))
                    .isEqualTo(CriteriaSetJson.write(json));
            byte[] xlsx = Files.readAllBytes(SHEETS.resolve(id + ".xlsx"));
            assertThat(CriteriaSetJson.write(SheetParser.parse(SheetTable.read(SheetTable.XLSX, xlsx, Integer.MAX_VALUE))))
                    .isEqualTo(CriteriaSetJson.write(json));
        }
        assertThat(new String(Files.readAllBytes(SHEETS.resolve("template.csv")), StandardCharsets.UTF_8))
                .isEqualTo(SheetWriter.csv(SheetWriter.template()));
        assertThat(SheetTable.read(SheetTable.XLSX, Files.readAllBytes(SHEETS.resolve("template.xlsx")), Integer.MAX_VALUE).rows())
                .hasSize(SheetWriter.template().size());
    }

    private static void regenerate() throws IOException {
        Files.createDirectories(SHEETS);
        for (String id : SHIPPED) {
            List<List<String>> rows = SheetWriter.rows(CriteriaSetJson.resource(id));
            Files.writeString(SHEETS.resolve(id + ".csv"), SheetWriter.csv(rows));
            Files.write(SHEETS.resolve(id + ".xlsx"), SheetWriter.xlsx(rows));
        }
        Files.writeString(SHEETS.resolve("template.csv"), SheetWriter.csv(SheetWriter.template()));
        Files.write(SHEETS.resolve("template.xlsx"), SheetWriter.xlsx(SheetWriter.template()));
    }
}
