package vn.ntm.criteria.imports.command;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition.Indicator;
import vn.ntm.criteria.catalogue.api.IndicatorKind;

/** Spreadsheets for the import's tests, made with Apache POI as an officer's spreadsheet program would save them. */
final class Sheets {

    static final LocalDate ON = LocalDate.of(2024, 9, 30);
    static final String SET = "VN-XA-TEST";

    static final Indicator PASS_FAIL = indicator("4.1", "Đạt tiêu chí điện của xã", IndicatorKind.PASS_FAIL, null, null);
    static final Indicator RATE = indicator("4.2", "Tỷ lệ hộ sử dụng điện an toàn", IndicatorKind.RATE, Comparator.GE,
            "% households");
    static final Indicator NONE = indicator("9.1", "Nhà tạm, dột nát", IndicatorKind.MUST_BE_NONE, null, null);
    static final Indicator NUMBER = indicator("10", "Thu nhập bình quân đầu người", IndicatorKind.NUMBER,
            Comparator.GE, "triệu đồng/người/năm");
    static final Indicator WASTE = indicator("17.1", "Tỷ lệ hộ được cấp nước sạch", IndicatorKind.RATE, Comparator.GE,
            "% households");
    static final Indicator WASTE_10 = indicator("17.10", "Tỷ lệ chất thải rắn được thu gom", IndicatorKind.RATE,
            Comparator.GE, "% households");
    static final List<Indicator> INDICATORS = List.of(PASS_FAIL, RATE, NONE, NUMBER, WASTE, WASTE_10);

    static final SpreadsheetParser.Expectation EXPECTED = new SpreadsheetParser.Expectation(SET, INDICATORS,
            Set.of("Song Vân"), "Song Vân", ON);

    private Sheets() {
    }

    static Indicator indicator(String code, String name, IndicatorKind kind, Comparator comparator, String unit) {
        return new Indicator(code, name, null, kind, comparator, unit, true, "test", List.of());
    }

    /** The template as the service writes it for Song Vân on 30/09/2024, in the progress report's layout. */
    static TemplateWriter.Template template(String unit, LocalDate on) {
        SpreadsheetLayout.Texts t = SpreadsheetLayout.VI;
        return new TemplateWriter.Template(t, List.of(
                "BÁO CÁO KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ Bộ tiêu chí thử nghiệm (phiên bản 1)", "Xã " + unit,
                "Tính đến ngày " + SpreadsheetLayout.VN_DATE.format(on) + " — Quyết định thử, Phụ lục I"),
                List.of(new TemplateWriter.Criterion(1, "4. Điện"),
                        line(PASS_FAIL, "Đạt"), line(RATE, "≥ 98 % households"),
                        new TemplateWriter.Criterion(2, "9. Nhà ở dân cư"), line(NONE, "= 0"),
                        new TemplateWriter.Criterion(3, "10. Thu nhập"), line(NUMBER, ""),
                        new TemplateWriter.Criterion(4, "17. Môi trường"), line(WASTE, "≥ 95 % households"),
                        line(WASTE_10, "≥ 90 % households")));
    }

    private static TemplateWriter.Line line(Indicator indicator, String target) {
        return new TemplateWriter.Indicator(indicator.code(), indicator.nameVi(), target, "test (chưa kiểm chứng)");
    }

    private static byte[] template;

    /** The template's bytes, written once (a copy each time). */
    static synchronized byte[] templateXlsx() {
        if (template == null) {
            template = TemplateWriter.xlsx(template("Song Vân", ON));
        }
        return template.clone();
    }

    /** How a test writes into one cell of a workbook. */
    interface Fill {
        void into(XSSFWorkbook book, Cell cell);
    }

    /** The template with these result cells filled in (by indicator code). */
    static byte[] filled(Map<String, Fill> results) {
        return edit(templateXlsx(), book -> {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                Cell code = row.getCell(SpreadsheetLayout.Column.CRITERION.ordinal());
                if (code != null && results.containsKey(code.toString())) {
                    Cell result = row.getCell(SpreadsheetLayout.Column.RESULT.ordinal(),
                            Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                    results.get(code.toString()).into(book, result);
                }
            }
        });
    }

    interface Edit {
        void apply(XSSFWorkbook book);
    }

    static byte[] edit(byte[] xlsx, Edit edit) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            edit.apply(book);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(XSSFWorkbook book) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row of the data area of the sheet (from 1) where an indicator's code is. */
    static int rowOf(XSSFWorkbook book, String code) {
        for (Row row : book.getSheetAt(0)) {
            Cell cell = row.getCell(SpreadsheetLayout.Column.CRITERION.ordinal());
            if (cell != null && code.equals(cell.toString())) {
                return row.getRowNum();
            }
        }
        throw new IllegalArgumentException(code);
    }
}
