package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.testing.MeasurementSheets.fill;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;
import vn.ntm.testing.TestIdentity;

/**
 * A quarter's figures from a spreadsheet, over HTTP against the whole service (real PostgreSQL, embedded Kafka):
 * the template downloaded and filled in with POI as an officer's spreadsheet program would, previewed, recorded as
 * one form, and the same file again recording nothing; a bad row or an oversize file recording nothing at all.
 */
@ServiceIntegrationTest
class MeasurementImportIT extends CommuneWithShippedSet {

    private static final String SET = "VN-XA-NTM-2021-2025";
    private static final String ON = "2024-09-30";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    MeasurementImportIT(ServiceUnderTest service) {
        super(service, SET);
    }

    @Test
    void aFilledTemplateIsPreviewedRecordedOnceAndTheSameFileAgainRecordsNothing() {
        // what the commune had recorded for the second quarter, still governing 30/09/2024
        JsonHttp.Response earlier = http().post("/api/units/" + commune + "/measurement-forms", Map.of(
                "criteriaSet", SET, "validOn", "2024-06-30", "items", List.of(
                        Map.of("indicatorCode", "4.2", "numerator", 1800, "denominator", 2150),
                        Map.of("indicatorCode", "9.1", "value", 0))));
        assertThat(earlier.status()).as(earlier.toString()).isEqualTo(201);

        byte[] template = template("xlsx");
        Map<String, Row> rows = new LinkedHashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Báo cáo");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Xã Song Vân");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).startsWith("Tính đến ngày 30/09/2024 — ");
            assertThat(cells(sheet.getRow(4))).containsExactly("STT", "Tiêu chí", "Nội dung chỉ tiêu",
                    "Chỉ tiêu phải đạt", "Kết quả thực hiện", "Đánh giá", "Ngày số liệu", "Căn cứ ngưỡng");
            for (Row row : sheet) {
                Cell code = row.getCell(1);
                if (row.getRowNum() > 4 && code != null && code.getStringCellValue().matches("[0-9.]+")) {
                    rows.put(code.getStringCellValue(), row);
                }
            }
            assertThat(rows).as("every indicator of the set").hasSize(55);
            assertThat(rows.get("4.2").getCell(3).getStringCellValue()).as("Song Vân's region (TDMNPB) threshold")
                    .isEqualTo("≥ 95 % households");
            assertThat(rows.get("4.2").getCell(7).getStringCellValue()).endsWith("(chưa kiểm chứng)");
            assertThat(rows.values()).allSatisfy(row -> assertThat(row.getCell(4).getStringCellValue()).isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] filled = fill(template, Map.of("4.1", "Đạt", "4.2", "2110/2150", "9.1", "0", "10", "54,5",
                "12.1", "74,5%"));
        long eventsBefore = storedEvents();
        long lastIndex = lastIndex();

        JsonHttp.Response preview = importFile(filled, "quy-3-2024.xlsx", true);

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode view = preview.json();
        assertThat(view.path("sheet").asString()).isEqualTo("Báo cáo");
        assertThat(view.path("format").asString()).isEqualTo("xlsx");
        assertThat(view.path("recorded").asInt()).isZero();
        assertThat(view.path("totals").path("total").asInt()).isEqualTo(55);
        assertThat(classes(view)).containsEntry("4.1", "NEW").containsEntry("4.2", "CHANGED")
                .containsEntry("9.1", "UNCHANGED").containsEntry("10", "NEW").containsEntry("12.1", "NEW");
        assertThat(view.path("totals").path("NEW").asInt()).isEqualTo(3);
        assertThat(view.path("totals").path("CHANGED").asInt()).isEqualTo(1);
        assertThat(view.path("totals").path("UNCHANGED").asInt()).isEqualTo(1);
        assertThat(view.path("totals").path("EMPTY").asInt()).isEqualTo(50);
        JsonNode electricity = row(view, "4.2");
        assertThat(electricity.has("value")).as("the value to record is internal; toRecord says it").isFalse();
        assertThat(electricity.path("text").asString()).isEqualTo("2110/2150");
        assertThat(electricity.path("currentStatus").asString()).isEqualTo("NOT_MET");
        assertThat(electricity.path("current").path("text").asString()).isEqualTo("1800/2150");
        assertThat(electricity.path("current").path("validOn").asString()).isEqualTo("2024-06-30");
        assertThat(electricity.path("toRecord").path("numerator").asLong()).isEqualTo(2110);
        assertThat(electricity.path("row").asInt()).isEqualTo(rows.get("4.2").getRowNum() + 1);
        assertThat(row(view, "12.1").path("toRecord").path("value").decimalValue()).isEqualByComparingTo("74.5");
        assertThat(row(view, "9.1").path("toRecord").isNull()).isTrue();
        assertThat(storedEvents()).as("a dry run writes nothing").isEqualTo(eventsBefore);

        JsonHttp.Response committed = importFile(filled, "quy-3-2024.xlsx", false);

        assertThat(committed.status()).as(committed.toString()).isEqualTo(201);
        assertThat(committed.json().path("recorded").asInt()).isEqualTo(4);
        assertThat(row(committed.json(), "4.2").path("statusAfter").asString()).isEqualTo("MET");
        assertThat(row(committed.json(), "4.2").path("measurementId").asString()).isNotBlank();
        List<String> recorded = service.jdbc().queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where payload_type like '%MeasurementRecorded' and aggregate_identifier = ? and global_index > ?"
                + " order by global_index", String.class, commune + "/" + SET, lastIndex);
        assertThat(recorded).hasSize(4).allSatisfy(payload -> {
            JsonNode evidence = JsonHttp.parse(payload).path("evidence");
            assertThat(evidence.path("document").asString()).isEqualTo("quy-3-2024.xlsx");
            assertThat(evidence.path("note").asString()).isEqualTo("nhập từ bảng tính");
            assertThat(evidence.path("office").asString()).isEqualTo("Phòng Kinh tế huyện Tân Yên");
        });
        JsonNode standing = http().get("/api/units/" + commune + "/standing?criteriaSet=" + SET + "&asOf=" + ON)
                .json();
        assertThat(indicator(standing, "4.2").path("status").asString()).isEqualTo("MET");
        assertThat(indicator(standing, "4.2").path("numerator").asLong()).isEqualTo(2110);
        assertThat(indicator(standing, "4.1").path("status").asString()).isEqualTo("MET");
        assertThat(indicator(standing, "10").path("validOn").asString()).isEqualTo(ON);
        assertThat(indicator(standing, "9.1").path("validOn").asString()).as("unchanged: nothing recorded")
                .isEqualTo("2024-06-30");
        long eventsAfterCommit = storedEvents();

        JsonHttp.Response again = importFile(filled, "quy-3-2024.xlsx", false);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("recorded").asInt()).isZero();
        assertThat(again.json().path("totals").path("UNCHANGED").asInt()).isEqualTo(5);
        assertThat(again.json().path("totals").path("NEW").asInt()
                + again.json().path("totals").path("CHANGED").asInt()).isZero();
        assertThat(storedEvents()).as("the same file again stores no event").isEqualTo(eventsAfterCommit);
    }

    @Test
    void aFileWithOneBadRowRecordsNothingAndTheProblemNamesTheRow() {
        byte[] filled = fill(template("xlsx"), Map.of("10", "54", "4.2", "2200/2150", "9.1", "0"));
        long before = storedEvents();

        JsonHttp.Response refused = importFile(filled, "quy-3.xlsx", false);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("import-rows-refused");
        assertThat(refused.headers().get("content-type")).singleElement().asString()
                .startsWith("application/problem+json");
        JsonNode rows = refused.json().path("rows");
        assertThat(rows).hasSize(1);
        int row = rows.get(0).path("row").asInt();
        assertThat(rows.get(0).path("indicatorCode").asString()).isEqualTo("4.2");
        assertThat(rows.get(0).path("reasonType").asString()).isEqualTo("numerator-above-denominator");
        assertThat(refused.json().path("detail").asString()).isEqualTo("1 dòng không nhập được nên chưa ghi nhận số "
                + "liệu nào: dòng " + row + " (chỉ tiêu 4.2): Tử số 2.200 lớn hơn mẫu số 2.150; tỷ lệ không thể vượt "
                + "quá 100%.");
        assertThat(storedEvents()).as("nothing recorded, not even the good rows").isEqualTo(before);

        JsonHttp.Response inEnglish = service.http()
                .with("Accept-Language", "en").send("POST", importPath(false), "multipart/form-data; boundary=b0undary",
                        multipart(filled, "quy-3.xlsx", XLSX, Map.of()));
        assertThat(inEnglish.json().path("rows").get(0).path("reason").asString())
                .startsWith("Numerator 2,200 is above denominator 2,150");
        assertThat(inEnglish.json().path("detail").asString()).startsWith("1 row(s) cannot be imported");

        JsonHttp.Response preview = importFile(filled, "quy-3.xlsx", true);
        assertThat(preview.status()).as("the dry run shows every row, the bad one among them").isEqualTo(200);
        assertThat(classes(preview.json())).containsEntry("4.2", "REFUSED").containsEntry("10", "NEW");
    }

    @Test
    void aFileOverTheLimitOrNotASpreadsheetIsRefusedWithAProblemAndNothingRecorded() {
        long before = storedEvents();
        byte[] large = ("STT,Tiêu chí,Kết quả thực hiện\r\n" + "x".repeat(2 * 1024 * 1024))
                .getBytes(StandardCharsets.UTF_8);

        JsonHttp.Response tooLarge = importFile(large, "quy-3.csv", false);

        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.problemType()).isEqualTo("import-file-too-large");
        assertThat(tooLarge.json().path("detail").asString()).startsWith("Tệp lớn hơn 2 MB");

        JsonHttp.Response pdf = importFile("%PDF-1.7\n\u0000binary".getBytes(StandardCharsets.ISO_8859_1),
                "quy-3.pdf", false);
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(400);
        assertThat(pdf.problemType()).isEqualTo("import-not-a-spreadsheet");
        assertThat(pdf.json().path("detail").asString()).contains("quy-3.pdf");

        JsonHttp.Response controlCharacter = http().send("POST", importPath(false),
                "multipart/form-data; boundary=b0undary", multipart("x".getBytes(StandardCharsets.UTF_8), "quy-3.csv",
                        "text/csv", Map.of("note", "ghi\u0007chú")));
        assertThat(controlCharacter.problemType()).as(controlCharacter.toString()).isEqualTo("invalid-character");
        assertThat(controlCharacter.json().path("field").asString()).isEqualTo("note");

        JsonHttp.Response noFile = http().send("POST", importPath(false), "multipart/form-data; boundary=b0undary",
                ("--b0undary\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n--b0undary--\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(noFile.problemType()).as(noFile.toString()).isEqualTo("import-file-missing");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theCsvTemplateFilledInAsTextIsImportedToo() {
        String csv = new String(template("csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFBÁO CÁO KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ");
        // a spreadsheet program in a Vietnamese locale saves it with ';' and a decimal comma
        List<String> lines = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            List<String> cells = splitCsv(line);
            if (cells.size() > 4 && cells.get(1).equals("10")) {
                cells.set(4, "55,2");
            }
            lines.add(String.join(";", cells.stream().map(c -> c.contains(";") ? "\"" + c + "\"" : c).toList()));
        }
        byte[] saved = String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);

        JsonHttp.Response preview = importFile(saved, "quy-3.csv", true);

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().path("format").asString()).isEqualTo("csv");
        assertThat(row(preview.json(), "10").path("toRecord").path("value").decimalValue())
                .isEqualByComparingTo("55.2");
        assertThat(preview.json().path("totals").path("NEW").asInt()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private byte[] template(String format) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/units/" + commune
                        + "/measurement-template?criteriaSet=" + SET + "&validOn=" + ON + "&format=" + format))
                .header("Authorization", "Bearer " + TestIdentity.operatorToken()).GET().build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(response.headers().firstValue("content-disposition")).hasValueSatisfying(value ->
                    assertThat(value).contains("mau-nhap-song-van-" + ON + "." + format));
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonHttp.Response importFile(byte[] file, String name, boolean dryRun) {
        String type = name.endsWith(".xlsx") ? XLSX : "text/csv";
        return http().send("POST", importPath(dryRun), "multipart/form-data; boundary=b0undary",
                multipart(file, name, type, Map.of("office", "Phòng Kinh tế huyện Tân Yên")));
    }

    private String importPath(boolean dryRun) {
        return "/api/units/" + commune + "/measurement-imports?criteriaSet=" + SET + "&validOn=" + ON + "&dryRun="
                + dryRun;
    }

    private static byte[] multipart(byte[] file, String name, String type, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((field, value) -> out.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\""
                + field + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Map<String, String> classes(JsonNode view) {
        Map<String, String> classes = new LinkedHashMap<>();
        view.path("rows").forEach(r -> classes.put(r.path("indicatorCode").asString(),
                r.path("classification").asString()));
        return classes;
    }

    private static JsonNode row(JsonNode view, String code) {
        for (JsonNode r : view.path("rows")) {
            if (code.equals(r.path("indicatorCode").asString())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + code + " in " + view);
    }

    private static JsonNode indicator(JsonNode standing, String code) {
        for (JsonNode criterion : standing.path("criteria")) {
            for (JsonNode i : criterion.path("indicators")) {
                if (code.equals(i.path("code").asString())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        return cells;
    }

    private static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private long storedEvents() {
        return service.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private long lastIndex() {
        return service.jdbc().queryForObject("select coalesce(max(global_index), 0) from domain_event_entry",
                Long.class);
    }
}
