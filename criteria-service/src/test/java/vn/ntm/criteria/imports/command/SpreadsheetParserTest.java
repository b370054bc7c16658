package vn.ntm.criteria.imports.command;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.criteria.imports.command.Sheets.EXPECTED;
import static vn.ntm.criteria.imports.command.Sheets.ON;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.imports.command.SpreadsheetParser.Parsed;
import vn.ntm.criteria.imports.command.SpreadsheetParser.ParsedRow;
import vn.ntm.support.rules.RuleViolation;

/**
 * The parser over real XLSX files made with POI (the service's own template, filled in cell by cell as a
 * spreadsheet program saves it) and CSV files as spreadsheet programs write them. Each case names, in its comment,
 * the broken implementation it catches.
 */
class SpreadsheetParserTest {

    /** A result expected from one cell: a value (its fingerprint: 1900/2150, 88.4, true), EMPTY, or a refusal type. */
    static Stream<Arguments> cells() {
        return Stream.of(
                // --- rates
                // taking "a/b" for a percentage, or for a date
                row("4.2", text("1900/2150"), "1900/2150"),
                // reading the counts' thousands dots as decimal marks (1.9/2.15)
                row("4.2", text("1.900/2.150"), "1900/2150"),
                // a parser that knows only the decimal point (reads 884, or nothing)
                row("4.2", text("88,4%"), "88.4"),
                // not trimming the space a Vietnamese keyboard puts before %
                row("4.2", text("88.4 %"), "88.4"),
                // demanding a % sign for a rate written as a bare percentage
                row("4.2", text("88,4"), "88.4"),
                // taking the fraction a percent-formatted cell stores (0.884) as the percentage
                row("4.2", number(0.884, "0.0%"), "88.4"),
                // multiplying every number of a rate by 100, formatted as percent or not
                row("4.2", number(88.4, "General"), "88.4"),
                // reading a formula's text (A1/B1) instead of its cached value
                row("4.2", formula("1900/2150", "0.00%"), "88.3720930233"),
                // treating a formula's cached text as a number cell
                row("4.2", formula("\"1900\"&\"/\"&\"2150\"", null), "1900/2150"),
                // the unit reporting-service's progress report writes after the value
                row("4.2", text("98.5 % households"), "98.5"),
                // no range check on counts: a rate above 100%
                row("4.2", text("2200/2150"), "numerator-above-denominator"),
                // a denominator of 0 reaching the division
                row("4.2", text("1900/0"), "denominator-not-positive"),
                // dropping the sign
                row("4.2", text("-5%"), "negative-value"),
                // a percentage above 100 accepted
                row("4.2", text("101%"), "percent-above-100"),
                // a fraction of a household rounded away
                row("4.2", text("1900,5/2150"), "import-counts-not-whole"),
                // text where a number belongs read as empty or as 0
                row("4.2", text("gần đủ"), "import-rate-expected"),
                // Excel's own date for "1/2" read as its serial number (45323)
                row("4.2", date(LocalDate.of(2024, 2, 1)), "import-date-in-cell"),
                // a formula's error (#DIV/0!) read as 0 or as empty
                row("4.2", formula("1/0", null), "import-formula-error"),
                // --- numbers
                // no decimal comma
                row("10", text("74,5"), "74.5"),
                // no decimal point
                row("10", text("74.5"), "74.5"),
                // Vietnamese thousands grouping with a decimal comma read as 1.2345
                row("10", text("1.234,5"), "1234.5"),
                // the indicator's unit after the value, as the progress report writes it
                row("10", text("54 triệu đồng/người/năm"), "54"),
                // words where a number belongs
                row("10", text("năm mươi tư"), "import-number-expected"),
                // a number cell
                row("10", number(74.5, "General"), "74.5"),
                // a percent format applied to a figure that is not a rate (0.5 → 50)
                row("10", number(0.5, "0%"), "import-percent-not-allowed"),
                // binary noise of a formula (0.30000000000000004) recorded as it is
                row("10", formula("0.1+0.2", null), "0.3"),
                // --- must be none
                // a count of none
                row("9.1", text("0"), "0"),
                // the word an officer writes for none
                row("9.1", text("không"), "0"),
                // a fraction of a house
                row("9.1", text("1,5"), "import-whole-number-expected"),
                // --- pass/fail
                // no Đạt
                row("4.1", text("Đạt"), "true"),
                // Không đạt read as passed (contains "đạt")
                row("4.1", text("Không đạt"), "false"),
                // the progress report's own word for not met
                row("4.1", text("Chưa đạt"), "false"),
                // typed without diacritics
                row("4.1", text("khong dat"), "false"),
                // anything not Đạt taken as not met
                row("4.1", text("Có"), "import-pass-fail-expected"),
                // a TRUE/FALSE cell
                row("4.1", bool(true), "true"),
                // 1 taken as passed
                row("4.1", number(1, "General"), "import-pass-fail-expected"),
                // --- empty
                // an empty cell recorded as 0
                row("4.2", blank(), "EMPTY"),
                // spaces recorded as a value, or refused
                row("10", text("   "), "EMPTY"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cells")
    void eachResultCellIsReadAsTheTableSays(String code, Sheets.Fill fill, String expected) {
        Parsed parsed = SpreadsheetParser.parse(Sheets.filled(Map.of(code, fill)), "quy-3.xlsx", EXPECTED);

        ParsedRow row = row(parsed, code);
        assertThat(outcome(row)).isEqualTo(expected);
    }

    // a parser that reads only the sheet's first rows, or every sheet: every indicator of the template comes back,
    // empty, and nothing else (criterion rows, notes)
    @Test
    void aBlankTemplateGivesEveryIndicatorEmpty() {
        Parsed parsed = SpreadsheetParser.parse(Sheets.templateXlsx(), "mau.xlsx", EXPECTED);

        assertThat(parsed.format()).isEqualTo("xlsx");
        assertThat(parsed.sheet()).isEqualTo("Báo cáo");
        assertThat(parsed.rows()).extracting(ParsedRow::code).containsExactly("4.1", "4.2", "9.1", "10", "17.1",
                "17.10");
        assertThat(parsed.rows()).allSatisfy(r -> assertThat(r.read().empty()).isTrue());
        assertThat(parsed.rows()).extracting(ParsedRow::row).containsExactly(7, 8, 10, 12, 14, 15);
    }

    // the same template as CSV, as the service writes it (BOM, commas): a parser that keeps the BOM in the first cell
    // or cannot read quoted cells finds no header
    @Test
    void theCsvTemplateIsReadBack() {
        byte[] csv = TemplateWriter.csv(Sheets.template("Song Vân", ON));

        Parsed parsed = SpreadsheetParser.parse(csv, "mau.csv", EXPECTED);

        assertThat(parsed.format()).isEqualTo("csv");
        assertThat(parsed.sheet()).isNull();
        assertThat(parsed.rows()).hasSize(6).allSatisfy(r -> assertThat(r.read().empty()).isTrue());
    }

    // Excel in a locale whose decimal mark is the comma saves CSV with ';' (and a BOM): a parser that splits on ','
    // only reads "88" of "88,4%"
    @Test
    void aCsvWithSemicolonsAndDecimalCommasIsRead() {
        String csv = "\uFEFFBÁO CÁO KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ Bộ thử (phiên bản 1)\r\nXã Song Vân\r\n"
                + "Tính đến ngày 30/09/2024\r\n"
                + "STT;Tiêu chí;Nội dung chỉ tiêu;Chỉ tiêu phải đạt;Kết quả thực hiện;Đánh giá;Ngày số liệu;Căn cứ ngưỡng\r\n"
                + "1;4. Điện;;;;;;\r\n"
                + ";4.2;Tỷ lệ hộ sử dụng điện an toàn;≥ 98 % households;88,4%;;;\r\n"
                + ";10;Thu nhập bình quân đầu người;;74,5;;;\r\n"
                + ";4.1;Đạt tiêu chí điện của xã;Đạt;\"Đạt\";;;\r\n";

        Parsed parsed = SpreadsheetParser.parse(csv.getBytes(StandardCharsets.UTF_8), "quy-3.csv", EXPECTED);

        assertThat(parsed.rows()).extracting(SpreadsheetParserTest::outcome).containsExactly("88.4", "74.5", "true");
        assertThat(parsed.rows()).extracting(ParsedRow::row).containsExactly(6, 7, 8);
    }

    // a comma CSV with a decimal comma left unquoted splits 74,5 into 74 | 5: a parser that reads the first half
    // records 74
    @Test
    void anUnquotedDecimalCommaInACommaCsvIsRefusedNotReadAsItsWholePart() {
        String csv = "STT,Tiêu chí,Nội dung chỉ tiêu,Chỉ tiêu phải đạt,Kết quả thực hiện,Đánh giá,Ngày số liệu,"
                + "Căn cứ ngưỡng\r\n"
                + ",10,Thu nhập bình quân đầu người,,74,5,,,\r\n"
                + ",4.2,Tỷ lệ hộ sử dụng điện an toàn,,\"88,4%\",,,\r\n"
                + ",9.1,Nhà tạm, dột nát\r\n"
                + ",4.1,Đạt tiêu chí điện của xã,,Đạt,5,,\r\n";

        Parsed parsed = SpreadsheetParser.parse(csv.getBytes(StandardCharsets.UTF_8), "quy-3.csv", EXPECTED);

        assertThat(parsed.rows()).extracting(SpreadsheetParserTest::outcome)
                .as("a name split by its own comma matters only where a result is given")
                .containsExactly("import-extra-cells", "88.4", "EMPTY", "import-extra-cells");
    }

    // a CSV saved in the Windows Vietnamese code page: a parser that decodes leniently records "Ð?t" as text
    @Test
    void aCsvNotInUtf8IsRefusedAsAWhole() {
        String csv = "STT,Tiêu chí,Nội dung chỉ tiêu,Chỉ tiêu phải đạt,Kết quả thực hiện\r\n,4.1,,,Đạt\r\n";
        Charset windows = Charset.forName("windows-1258");

        assertThat(refusal(csv.getBytes(windows), "quy-3.csv")).isEqualTo("import-csv-not-utf8");
    }

    // the progress report reporting-service exports, reproduced cell for cell (title block, criterion rows with a
    // status, values followed by their unit, Đạt/Chưa đạt in the assessment column, the count of criteria met): a
    // parser that reads the assessment column or cannot strip the unit gets other values than the export holds
    @Test
    void aProgressReportExportedByReportingIsReadAsTheValuesItHolds() {
        byte[] report = reportingProgressReport();

        Parsed parsed = SpreadsheetParser.parse(report, "bao-cao-song-van-2024-09-30.xlsx", EXPECTED);

        assertThat(parsed.sheet()).isEqualTo("Báo cáo");
        assertThat(parsed.rows()).extracting(ParsedRow::code).containsExactly("4.1", "4.2", "10");
        assertThat(parsed.rows()).extracting(SpreadsheetParserTest::outcome)
                .as("a percentage with more than ten decimals is rounded to ten").containsExactly("EMPTY",
                        "88.3720930233", "54");
        MeasuredValue recorded = new MeasuredValue(null, 1900L, 2150L, null);
        assertThat(ResultValues.same(row(parsed, "4.2").read().value(), recorded))
                .as("the percentage the export shows says the recorded counts again").isTrue();
    }

    // a parser that reads merged cells as their top-left value would record one figure for two indicators
    @Test
    void rowsInMergedCellsOfTheDataAreaAreRefused() {
        byte[] xlsx = Sheets.edit(Sheets.filled(Map.of("4.1", text("Đạt"))), book -> {
            int first = Sheets.rowOf(book, "4.1");
            book.getSheetAt(0).addMergedRegion(new CellRangeAddress(first, first + 1, 4, 4));
        });

        Parsed parsed = SpreadsheetParser.parse(xlsx, "quy-3.xlsx", EXPECTED);

        assertThat(row(parsed, "4.1").read().refusal().type()).isEqualTo("import-merged-cells");
        assertThat(row(parsed, "4.1").read().refusal().args()).containsExactly("E7:E8");
        assertThat(row(parsed, "4.2").read().empty()).as("the region's other cells are empty").isTrue();
        assertThat(row(parsed, "10").read().empty()).as("rows outside the region are read").isTrue();
    }

    // a merge across the indicator names of rows that each hold a result: the rows cannot be told apart safely
    @Test
    void rowsWithResultsUnderAMergeAreRefusedEvenWhenTheirResultCellsAreApart() {
        byte[] xlsx = Sheets.edit(Sheets.filled(Map.of("4.1", text("Đạt"), "4.2", text("90%"))), book -> {
            int first = Sheets.rowOf(book, "4.1");
            book.getSheetAt(0).addMergedRegion(new CellRangeAddress(first, first + 1, 2, 3));
        });

        Parsed parsed = SpreadsheetParser.parse(xlsx, "quy-3.xlsx", EXPECTED);

        assertThat(parsed.rows()).filteredOn(r -> r.read().refusal() != null)
                .extracting(r -> r.code() + " " + r.read().refusal().type() + " " + r.read().refusal().args())
                .containsExactly("4.1 import-merged-cells [C7:D8]", "4.2 import-merged-cells [C7:D8]");
    }

    // Excel turns a typed 17.10 into the number 17.1: a parser that formats the number records 17.10's figure as 17.1's
    @Test
    void aCodeStoredAsANumberThatCouldBeTwoIndicatorsIsRefused() {
        byte[] xlsx = Sheets.edit(Sheets.filled(Map.of("17.10", text("91%"))), book -> {
            Row row = book.getSheetAt(0).getRow(Sheets.rowOf(book, "17.10"));
            row.getCell(1).setCellValue(17.10);
        });

        Parsed parsed = SpreadsheetParser.parse(xlsx, "quy-3.xlsx", EXPECTED);

        assertThat(parsed.rows()).filteredOn(r -> r.row() == 15).singleElement()
                .satisfies(r -> assertThat(r.read().refusal().type()).isEqualTo("import-code-ambiguous"));
    }

    // rows that are not indicators: a parser that skips them silently loses a figure written in the wrong row; one
    // that records an unknown code's value writes into nothing
    @Test
    void resultsOutsideIndicatorRowsAndUnknownIndicatorsAreRefused() {
        byte[] xlsx = Sheets.edit(Sheets.templateXlsx(), book -> {
            XSSFSheet sheet = book.getSheetAt(0);
            sheet.getRow(5).getCell(4).setCellValue("Đạt");              // the row of criterion 4
            Row unknown = sheet.createRow(20);
            unknown.createCell(1).setCellValue("4.9");
            unknown.createCell(4).setCellValue("12");
            Row emptyUnknown = sheet.createRow(21);
            emptyUnknown.createCell(1).setCellValue("4.8");
            Row noCode = sheet.createRow(22);
            noCode.createCell(2).setCellValue("ghi chú");
            noCode.createCell(4).setCellValue("75");
            Row renamed = sheet.getRow(Sheets.rowOf(book, "10"));
            renamed.getCell(2).setCellValue("Thu nhập của hộ nghèo");
            renamed.getCell(4).setCellValue("54");
        });

        Parsed parsed = SpreadsheetParser.parse(xlsx, "quy-3.xlsx", EXPECTED);

        assertThat(parsed.rows()).filteredOn(r -> r.read().refusal() != null)
                .extracting(r -> r.row() + " " + r.read().refusal().type())
                .containsExactly("6 import-not-an-indicator-row", "12 import-indicator-name-differs",
                        "21 unknown-indicator", "23 import-row-without-indicator");
        assertThat(parsed.rows()).filteredOn(r -> "4.8".equals(r.code())).singleElement()
                .satisfies(r -> assertThat(r.read().empty()).as("an unknown code without a result is left").isTrue());
    }

    // a parser that keeps the last of two figures for one indicator
    @Test
    void anIndicatorGivenTwiceIsRefusedTheSecondTime() {
        byte[] xlsx = Sheets.edit(Sheets.filled(Map.of("4.2", text("1900/2150"))), book -> {
            Row again = book.getSheetAt(0).createRow(30);
            again.createCell(1).setCellValue("4.2");
            again.createCell(4).setCellValue("90%");
        });

        Parsed parsed = SpreadsheetParser.parse(xlsx, "quy-3.xlsx", EXPECTED);

        assertThat(parsed.rows()).filteredOn(r -> "4.2".equals(r.code())).extracting(SpreadsheetParserTest::outcome)
                .containsExactly("1900/2150", "import-indicator-twice");
    }

    // a parser that reads the first sheet whatever it is
    @Test
    void theSheetInTheLayoutIsFoundByItsHeaderAmongOthers() {
        byte[] xlsx = Sheets.edit(Sheets.filled(Map.of("10", text("54"))), book -> {
            book.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("Số liệu do xã tổng hợp");
            book.setSheetOrder("Ghi chú", 0);
        });

        Parsed parsed = SpreadsheetParser.parse(xlsx, "quy-3.xlsx", EXPECTED);

        assertThat(parsed.sheet()).isEqualTo("Báo cáo");
        assertThat(parsed.sheets()).containsExactly("Ghi chú", "Báo cáo");
        assertThat(outcome(row(parsed, "10"))).isEqualTo("54");
    }

    // a parser that reads only the first of two filled sheets (two communes, or two quarters) drops one silently
    @Test
    void twoFilledSheetsAreRefusedAndAnEmptySecondOneIsNot() {
        byte[] twoFilled = Sheets.edit(Sheets.filled(Map.of("10", text("54"))), book -> {
            XSSFSheet copy = book.cloneSheet(0, "Quý IV");
            copy.getRow(Sheets.rowOf(book, "10")).getCell(4).setCellValue("55");
        });
        byte[] oneFilled = Sheets.edit(Sheets.filled(Map.of("10", text("54"))), book -> {
            XSSFSheet copy = book.cloneSheet(0, "Mẫu trống");
            copy.getRow(Sheets.rowOf(book, "10")).getCell(4).setBlank();
            book.setSheetOrder("Mẫu trống", 0);
        });

        assertThat(refusal(twoFilled, "quy-3.xlsx")).isEqualTo("import-several-sheets-filled");
        assertThat(SpreadsheetParser.parse(oneFilled, "quy-3.xlsx", EXPECTED).sheet()).isEqualTo("Báo cáo");
    }

    // a parser that ignores the title block records another commune's or another date's figures
    @Test
    void aFileNamingAnotherCommuneOrDateIsRefused() {
        byte[] otherCommune = TemplateWriter.xlsx(Sheets.template("Việt Ngọc", ON));
        byte[] otherDate = TemplateWriter.xlsx(Sheets.template("Song Vân", LocalDate.of(2024, 6, 30)));
        byte[] sameWithLevel = TemplateWriter.xlsx(Sheets.template("song vân", ON));

        assertThat(refusal(otherCommune, "x.xlsx")).isEqualTo("import-other-unit");
        assertThat(refusal(otherDate, "x.xlsx")).isEqualTo("import-other-date");
        assertThat(SpreadsheetParser.parse(sameWithLevel, "x.xlsx", EXPECTED).rows()).hasSize(6);
    }

    // a parser that guesses at any sheet: no header of this layout, no rows to invent
    @Test
    void aWorkbookWithoutTheLayoutIsRefusedNamingItsSheets() {
        XSSFWorkbook book = new XSSFWorkbook();
        XSSFSheet sheet = book.createSheet("Sheet1");
        sheet.createRow(0).createCell(0).setCellValue("Chỉ tiêu");
        sheet.getRow(0).createCell(1).setCellValue("Giá trị");
        sheet.createRow(1).createCell(0).setCellValue("4.2");
        sheet.getRow(1).createCell(1).setCellValue("88,4%");

        RuleViolation refused = violation(Sheets.bytes(book), "so-lieu.xlsx");

        assertThat(refused.type()).isEqualTo("import-layout-not-found");
        assertThat(refused.args()).containsExactly("Sheet1");
    }

    // a parser that has no bound on rows (and memory)
    @Test
    void moreThanFiveHundredDataRowsAreRefused() {
        byte[] xlsx = Sheets.edit(Sheets.templateXlsx(), book -> {
            XSSFSheet sheet = book.getSheetAt(0);
            for (int r = 20; r < 20 + SpreadsheetParser.MAX_DATA_ROWS; r++) {
                sheet.createRow(r).createCell(2).setCellValue("ghi chú " + r);
            }
        });

        assertThat(refusal(xlsx, "x.xlsx")).isEqualTo("import-too-many-rows");
    }

    // files that are not this kind of spreadsheet: a parser that hands them to POI or reads them as text answers
    // with a 500 or with garbage rows
    @Test
    void filesThatAreNotXlsxOrCsvAreRefusedAsAWhole() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        byte[] pdf = "%PDF-1.7\n\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1);
        byte[] zip = zipOf("word/document.xml", "<w:document/>");
        byte[] template = Sheets.templateXlsx();
        byte[] cutShort = java.util.Arrays.copyOf(template, template.length / 2);

        assertThat(refusal(xls, "quy-3.xls")).isEqualTo("import-old-excel");
        assertThat(refusal(pdf, "quy-3.pdf")).isEqualTo("import-not-a-spreadsheet");
        assertThat(refusal(zip, "quy-3.docx")).isEqualTo("import-not-a-spreadsheet");
        assertThat(refusal(cutShort, "quy-3.xlsx")).isEqualTo("import-file-unreadable");
    }

    // a zip bomb: a parser that lets POI unpack it runs out of memory
    @Test
    void aWorkbookThatUnpacksTooLargeIsRefusedBeforeItIsOpened() {
        byte[] bomb = zipOf("xl/workbook.xml", "0".repeat((int) SpreadsheetParser.MAX_UNPACKED_BYTES + 1));

        assertThat(bomb.length).isLessThan(100_000);
        assertThat(refusal(bomb, "bom.xlsx")).isEqualTo("import-workbook-too-large");
    }

    // --- how a percentage compares with the counts that govern the date

    // recording a rounded percentage over the exact counts it repeats (and losing them)
    @Test
    void aPercentageSaysTheSameAsCountsAtThePrecisionWritten() {
        MeasuredValue counts = new MeasuredValue(null, 1900L, 2150L, null);

        assertThat(ResultValues.same(percent("88.4"), counts)).isTrue();
        assertThat(ResultValues.same(percent("88"), counts)).isTrue();
        assertThat(ResultValues.same(percent("88.5"), counts)).isFalse();
        assertThat(ResultValues.same(percent("100"), new MeasuredValue(null, 2149L, 2150L, null)))
                .as("100% says all: 2149 of 2150 rounds to it but is not it").isFalse();
        assertThat(ResultValues.same(percent("100"), new MeasuredValue(null, 2150L, 2150L, null))).isTrue();
        assertThat(ResultValues.same(new MeasuredValue(null, 3800L, 4300L, null), counts))
                .as("other counts of the same ratio are other facts").isFalse();
        assertThat(ResultValues.same(counts, new MeasuredValue(new java.math.BigDecimal("88.4"), null, null, null)))
                .as("counts where a percentage was recorded add what was missing").isFalse();
    }

    // --- helpers

    private static MeasuredValue percent(String value) {
        return new MeasuredValue(new java.math.BigDecimal(value), null, null, null);
    }

    private static Arguments row(String code, Sheets.Fill fill, String expected) {
        return Arguments.of(code, fill, expected);
    }

    private static ParsedRow row(Parsed parsed, String code) {
        return parsed.rows().stream().filter(r -> code.equals(r.code())).findFirst().orElseThrow();
    }

    static String outcome(ParsedRow row) {
        if (row.read().refusal() != null) {
            return row.read().refusal().type();
        }
        return row.read().empty() ? "EMPTY" : row.read().value().fingerprint();
    }

    private static String refusal(byte[] bytes, String name) {
        return violation(bytes, name).type();
    }

    private static RuleViolation violation(byte[] bytes, String name) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SpreadsheetParser.parse(bytes, name,
                EXPECTED));
        assertThat(thrown).isInstanceOf(RuleViolation.class);
        return (RuleViolation) thrown;
    }

    private static Sheets.Fill text(String value) {
        return new Sheets.Fill() {
            public void into(XSSFWorkbook book, Cell cell) {
                cell.setCellValue(value);
            }

            public String toString() {
                return "text \"" + value + "\"";
            }
        };
    }

    private static Sheets.Fill number(double value, String format) {
        return new Sheets.Fill() {
            public void into(XSSFWorkbook book, Cell cell) {
                CellStyle style = book.createCellStyle();
                style.setDataFormat(book.createDataFormat().getFormat(format));
                cell.setCellStyle(style);
                cell.setCellValue(value);
            }

            public String toString() {
                return "number " + value + " [" + format + "]";
            }
        };
    }

    private static Sheets.Fill date(LocalDate value) {
        return new Sheets.Fill() {
            public void into(XSSFWorkbook book, Cell cell) {
                CellStyle style = book.createCellStyle();
                style.setDataFormat(book.createDataFormat().getFormat("d/m/yyyy"));
                cell.setCellStyle(style);
                cell.setCellValue(value);
            }

            public String toString() {
                return "date " + value;
            }
        };
    }

    private static Sheets.Fill formula(String formula, String format) {
        return new Sheets.Fill() {
            public void into(XSSFWorkbook book, Cell cell) {
                if (format != null) {
                    CellStyle style = book.createCellStyle();
                    style.setDataFormat(book.createDataFormat().getFormat(format));
                    cell.setCellStyle(style);
                }
                cell.setCellFormula(formula);
                book.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
            }

            public String toString() {
                return "formula =" + formula;
            }
        };
    }

    private static Sheets.Fill bool(boolean value) {
        return new Sheets.Fill() {
            public void into(XSSFWorkbook book, Cell cell) {
                cell.setCellValue(value);
            }

            public String toString() {
                return "boolean " + value;
            }
        };
    }

    private static Sheets.Fill blank() {
        return new Sheets.Fill() {
            public void into(XSSFWorkbook book, Cell cell) {
                cell.setBlank();
            }

            public String toString() {
                return "blank";
            }
        };
    }

    private static byte[] zipOf(String entry, String content) {
        try (var out = new java.io.ByteArrayOutputStream();
             var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * reporting-service's progress report (ExportController#report with Sheet#xlsx), written here cell for cell as
     * it writes one for Song Vân on 30/09/2024: 4.1 met (pass/fail: no value), 4.2 at 1900/2150 (the percentage
     * with its unit), 10 at 54.
     */
    private static byte[] reportingProgressReport() {
        XSSFWorkbook book = new XSSFWorkbook();
        XSSFSheet sheet = book.createSheet("Báo cáo");
        List<String> title = List.of("BÁO CÁO KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ Bộ tiêu chí thử nghiệm (phiên bản 1)",
                "Xã Song Vân", "Tính đến ngày 30/09/2024 — Quyết định thử, Phụ lục I");
        int r = 0;
        for (String line : title) {
            sheet.createRow(r).createCell(0).setCellValue(line);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 7));
            r++;
        }
        r++;
        List<String> header = List.of("STT", "Tiêu chí", "Nội dung chỉ tiêu", "Chỉ tiêu phải đạt",
                "Kết quả thực hiện", "Đánh giá", "Ngày số liệu", "Căn cứ ngưỡng");
        Row head = sheet.createRow(r++);
        for (int c = 0; c < header.size(); c++) {
            head.createCell(c).setCellValue(header.get(c));
        }
        sheet.createFreezePane(0, r);
        List<List<Object>> rows = List.of(
                List.of(1, "4. Điện", "", "", "", "Đạt", "", ""),
                List.of("", "4.1", "Đạt tiêu chí điện của xã", "", "", "Đạt", "30/09/2024", "test"),
                List.of("", "4.2", "Tỷ lệ hộ sử dụng điện an toàn", "≥ 98 % households",
                        "88.37209302325581 % households", "Chưa đạt", "30/09/2024", "test (chưa kiểm chứng)"),
                List.of(2, "10. Thu nhập", "", "", "", "Chưa đánh giá", "", ""),
                List.of("", "10", "Thu nhập bình quân đầu người", "", "54 triệu đồng/người/năm", "Chưa đánh giá",
                        "30/09/2024", "test (chưa kiểm chứng)"));
        for (List<Object> cells : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                if (value instanceof Integer n) {
                    row.createCell(c).setCellValue(n);
                } else {
                    row.createCell(c).setCellValue((String) value);
                }
            }
        }
        r++;
        sheet.createRow(r).createCell(0).setCellValue("Tổng số tiêu chí đạt: 1/2");
        return Sheets.bytes(book);
    }
}
