package vn.ocop.evaluation.criteria;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.ocop.evaluation.criteria.sheet.SheetTable;
import vn.ocop.evaluation.criteria.sheet.SheetWriter;
import vn.ocop.testkit.OcopTestResource;
import vn.ocop.testkit.Tokens;

/** The programme office loads its score sheets from spreadsheets: upload → every problem placed, or a draft → preview → publish once. */
@QuarkusTest
@QuarkusTestResource(value = OcopTestResource.class, initArgs = @ResourceArg(name = "service", value = "evaluation"))
class CriteriaSheetTest {
    private static final String DRAFTS = "/api/v1/criteria-set-drafts";

    @Inject
    DataSource database;

    @Test
    @SuppressWarnings("unchecked")
    void theShippedSetOneWorkbookPreviewsAsThePublishedSetOneAndCannotBePublishedAgain() throws IOException {
        byte[] workbook = Files.readAllBytes(ShippedSheetsTest.SHEETS.resolve("QD26-2026-S01.xlsx"));
        String preview = upload(SheetTable.XLSX, workbook).then().statusCode(201)
                .body("criteriaSetId", equalTo("QD26-2026-S01")).body("sourceType", equalTo("XLSX")).body("status", equalTo("DRAFT"))
                .extract().header("Location");
        Map<String, Object> previewed = central().get(preview).then().statusCode(200).extract().as(Map.class);
        Map<String, Object> published = central().get("/api/v1/criteria-sets/QD26-2026-S01").then().statusCode(200).extract().as(Map.class);
        assertThat(previewed).isEqualTo(published);

        central().post(preview + "/publish").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CRITERIA_SET_IMMUTABLE"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCsvSheetBecomesADraftThatOnlyTheCentralOfficePublishesAndOnlyOnce() {
        String id = "SHEET-" + UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = setOneRows();
        set(rows, "SET", "id", 2, id);
        set(rows, "SET", "productSet", 2, "2");
        byte[] csv = SheetWriter.csv(rows).getBytes(StandardCharsets.UTF_8);

        given().auth().oauth2(Tokens.provinceOfficer("51")).contentType(SheetTable.CSV).body(csv).post(DRAFTS)
                .then().statusCode(403).contentType("application/problem+json");
        String preview = given().auth().oauth2(Tokens.centralOfficer()).multiPart("file", "bo-tieu-chi-02.csv", csv, "text/csv")
                .post(DRAFTS).then().statusCode(201).body("criteriaSetId", equalTo(id)).body("sourceType", equalTo("CSV"))
                .body("fileName", equalTo("bo-tieu-chi-02.csv")).body("productSet", equalTo(2))
                .extract().header("Location");
        Map<String, Object> previewed = central().get(preview).then().statusCode(200).body("productSet", equalTo(2))
                .extract().as(Map.class);
        central().get("/api/v1/criteria-sets/" + id).then().statusCode(404);

        given().auth().oauth2(Tokens.provinceOfficer("51")).post(preview + "/publish").then().statusCode(403);
        central().post(preview + "/publish").then().statusCode(201)
                .header("Location", endsWith("/api/v1/criteria-sets/" + id)).body("legalBasis.decision", equalTo("26/2026/QĐ-TTg"));
        assertThat(central().get("/api/v1/criteria-sets/" + id).then().statusCode(200).extract().as(Map.class)).isEqualTo(previewed);
        central().get(preview + "/status").then().statusCode(200).body("status", equalTo("PUBLISHED"));

        central().post(preview + "/publish").then().statusCode(409).body("code", equalTo("CRITERIA_SET_IMMUTABLE"));
        String again = upload(SheetTable.CSV, csv).then().statusCode(201).extract().header("Location");
        central().post(again + "/publish").then().statusCode(409).body("code", equalTo("CRITERIA_SET_IMMUTABLE"));
    }

    @Test
    void everyProblemIsReportedWithSheetRowAndColumnInCsvAndXlsxAndNothingIsStored() {
        List<List<String>> rows = setOneRows();
        int titleRow = set(rows, "SET", "title", 2, "");
        int dateRow = set(rows, "SET", "effectiveFrom", 2, "22/05/2026");
        int outOfPlaceRow = replace(rows, "SET", "note", List.of("OPTION", "0.a", "Lựa chọn lạc chỗ", "1", ""));
        int notANumberRow = set(rows, "OPTION", "1.1.a", 3, "một");
        int starRow = set(rows, "OPTION", "1.4.b", 4, "2");
        int duplicateRow = set(rows, "CRITERION", "1.3", 1, "1.2");
        int noOptionsRow = find(rows, "CRITERION", "1.2");
        for (String option : List.of("1.2.a", "1.2.b", "1.2.c")) {
            set(rows, "OPTION", option, 0, "# bỏ");
        }
        int groupRow = set(rows, "GROUP", "2", 3, String.valueOf(Integer.parseInt(rows.get(find(rows, "GROUP", "2") - 1).get(3)) + 1));
        int partARow = find(rows, "PART", "A");
        int partCRow = set(rows, "PART", "C", 3, "36");
        int knockOutRow = set(rows, "KNOCKOUT", "KO-REGISTRATION", 1, "KO-FORGED");
        int unknownRow = set(rows, "KNOCKOUT", "KO-CONTAMINANT", 0, "KNOCK");
        int controlRow = set(rows, "OPTION", "1.1.b", 2, "Từ\u000750%");
        int longIdRow = set(rows, "SET", "id", 2, "X".repeat(61));
        long drafts = draftCount();

        for (boolean xlsx : List.of(false, true)) {
            String sheet = xlsx ? SheetWriter.SHEET_NAME : "csv";
            byte[] body = xlsx ? SheetWriter.xlsx(rows) : SheetWriter.csv(rows).getBytes(StandardCharsets.UTF_8);
            List<Map<String, Object>> errors = upload(xlsx ? SheetTable.XLSX : SheetTable.CSV, body).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_CRITERIA_SHEET"))
                    .extract().jsonPath().getList("errors");
            assertThat(errors).extracting(e -> e.get("sheet"), e -> e.get("row"), e -> e.get("column"), e -> e.get("code"))
                    .contains(
                            tuple(sheet, titleRow, "C", "INVALID_SET_FIELD"),
                            tuple(sheet, dateRow, "C", "NOT_A_DATE"),
                            tuple(sheet, outOfPlaceRow, "A", "OUT_OF_PLACE"),
                            tuple(sheet, notANumberRow, "D", "NOT_A_NUMBER"),
                            tuple(sheet, starRow, "E", "INVALID_STAR_LEVEL"),
                            tuple(sheet, duplicateRow, "B", "DUPLICATE_CODE"),
                            tuple(sheet, noOptionsRow, "A", "NO_OPTIONS"),
                            tuple(sheet, groupRow, "D", "POINTS_DO_NOT_ADD_UP"),
                            tuple(sheet, partARow, "D", "POINTS_DO_NOT_ADD_UP"),
                            tuple(sheet, partCRow, "D", "POINTS_DO_NOT_ADD_UP"),
                            tuple(sheet, knockOutRow, "B", "INVALID_KNOCK_OUT"),
                            tuple(sheet, unknownRow, "A", "UNKNOWN_KIND"),
                            tuple(sheet, longIdRow, "C", "TOO_LONG"));
            if (!xlsx) { // a workbook cannot carry a control character: POI escapes it as text when writing
                assertThat(errors).extracting(e -> e.get("row"), e -> e.get("code")).contains(tuple(controlRow, "CONTROL_CHARACTER"));
            }
            assertThat(errors).anySatisfy(e -> assertThat((String) e.get("message")).contains("must total 100 points, not 101"));
        }
        upload(SheetTable.CSV, "kind;code;text\nSET;id;X\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors[0].row", equalTo(1)).body("errors[0].code", equalTo("HEADER_MISMATCH"));
        assertThat(draftCount()).isEqualTo(drafts);
    }

    @Test
    void hostileFilesGetAClearProblemAndStoreNothing() throws IOException {
        long drafts = draftCount();
        upload(SheetTable.XLSX, "not a workbook".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("UNREADABLE_SHEET"));
        upload(SheetTable.XLSX, zipBomb()).then().statusCode(400).body("code", equalTo("UNREADABLE_SHEET"));
        upload(SheetTable.CSV, new byte[] {'k', 'i', 'n', 'd', (byte) 0xff, (byte) 0xfe}).then().statusCode(400)
                .body("code", equalTo("UNREADABLE_SHEET"));
        upload(SheetTable.CSV, new byte[300_000]).then().statusCode(413).body("code", equalTo("SHEET_TOO_LARGE"));
        upload(SheetTable.CSV, ("kind,code,text,points,stars\n" + "#,,,,\n".repeat(2500)).getBytes(StandardCharsets.UTF_8))
                .then().statusCode(413).body("code", equalTo("SHEET_TOO_LARGE"));
        upload(SheetTable.CSV, new byte[0]).then().statusCode(400).body("code", equalTo("UNREADABLE_SHEET"));
        given().auth().oauth2(Tokens.centralOfficer()).contentType("application/pdf").body("%PDF-1.7".getBytes(StandardCharsets.UTF_8))
                .post(DRAFTS).then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(Tokens.centralOfficer()).multiPart("file", "sheet.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post(DRAFTS).then().statusCode(415).body("code", equalTo("UNSUPPORTED_SHEET_TYPE"));
        central().get(DRAFTS + "/" + UUID.randomUUID()).then().statusCode(404);
        central().post(DRAFTS + "/" + UUID.randomUUID() + "/publish").then().statusCode(404);
        assertThat(draftCount()).isEqualTo(drafts);
    }

    /** A workbook-looking zip whose one entry inflates 1000-fold. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(new byte[8 * 1024 * 1024]);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static List<List<String>> setOneRows() {
        List<List<String>> rows = new ArrayList<>();
        SheetWriter.rows(CriteriaSetJson.resource("QD26-2026-S01")).forEach(r -> rows.add(new ArrayList<>(r)));
        return rows;
    }

    /** The spreadsheet row number (header = 1) of the row of that kind and code. */
    private static int find(List<List<String>> rows, String kind, String code) {
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).get(0).equals(kind) && rows.get(r).get(1).equals(code)) {
                return r + 1;
            }
        }
        throw new IllegalArgumentException(kind + " " + code);
    }

    private static int set(List<List<String>> rows, String kind, String code, int column, String value) {
        int row = find(rows, kind, code);
        rows.get(row - 1).set(column, value);
        return row;
    }

    private static int replace(List<List<String>> rows, String kind, String code, List<String> cells) {
        int row = find(rows, kind, code);
        rows.set(row - 1, new ArrayList<>(cells));
        return row;
    }

    private static Response upload(String contentType, byte[] body) {
        return given().auth().oauth2(Tokens.centralOfficer()).contentType(contentType).body(body).post(DRAFTS);
    }

    private static io.restassured.specification.RequestSpecification central() {
        return given().auth().oauth2(Tokens.centralOfficer());
    }

    private long draftCount() {
        try (Connection connection = database.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from criteria_set_draft")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
