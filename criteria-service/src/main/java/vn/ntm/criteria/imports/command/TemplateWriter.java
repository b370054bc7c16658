package vn.ntm.criteria.imports.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ntm.criteria.imports.command.SpreadsheetLayout.Column;
import vn.ntm.criteria.imports.command.SpreadsheetLayout.Texts;
import vn.ntm.support.sheets.CsvText;
import vn.ntm.support.sheets.SheetStyles;

/**
 * Writes the measurement template in the progress report's layout (reporting-service's Sheet: the same title block,
 * header, bold criterion rows, borders and widths), as XLSX or as CSV (UTF-8 with a byte-order mark). The result
 * column is left empty; in XLSX its cells are text cells, shaded, so that a spreadsheet program keeps "1900/2150"
 * as written instead of turning it into a date. Pure: the same template gives the same bytes' content.
 */
final class TemplateWriter {

    /** A row of the template: a criterion heading its indicators, or an indicator to fill in. */
    sealed interface Line {
    }

    record Criterion(int number, String label) implements Line {
    }

    /** @param source the threshold's provenance, marked when it is not verified */
    record Indicator(String code, String name, String target, String source) implements Line {
    }

    record Template(Texts texts, List<String> title, List<Line> lines) {
    }

    private TemplateWriter() {
    }

    static byte[] xlsx(Template template) {
        Texts t = template.texts();
        List<String> header = t.headerRow();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SheetStyles styles = new SheetStyles(book);
            CellStyle input = styles.input(IndexedColors.LIGHT_YELLOW);
            XSSFSheet sheet = book.createSheet(t.sheet());
            int r = 0;
            for (String line : template.title()) {
                Cell cell = sheet.createRow(r).createCell(0);
                cell.setCellValue(line);
                cell.setCellStyle(r == 0 ? styles.title : styles.plain);
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, header.size() - 1));
                r++;
            }
            r++;
            XSSFRow head = sheet.createRow(r++);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(styles.header);
            }
            sheet.createFreezePane(0, r);
            for (Line line : template.lines()) {
                XSSFRow row = sheet.createRow(r++);
                List<String> cells = cells(line);
                for (int c = 0; c < cells.size(); c++) {
                    Cell cell = row.createCell(c);
                    if (line instanceof Criterion criterion && c == Column.NO.ordinal()) {
                        cell.setCellValue(criterion.number());
                    } else {
                        cell.setCellValue(cells.get(c));
                    }
                    cell.setCellStyle(line instanceof Criterion ? styles.bold
                            : c == Column.RESULT.ordinal() ? input : styles.plain);
                }
            }
            r++;
            for (String line : t.howTo()) {
                sheet.createRow(r++).createCell(0).setCellValue(line);
            }
            for (int c = 0; c < header.size(); c++) {
                int widest = header.get(c).length();
                for (Line line : template.lines()) {
                    widest = Math.max(widest, cells(line).get(c).length());
                }
                sheet.setColumnWidth(c, Math.min(Math.max(widest, c == Column.RESULT.ordinal() ? 18 : 0) + 3, 60)
                        * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As reporting-service writes a CSV: RFC 4180, comma-separated, UTF-8 with a BOM, title and notes as lines. */
    static byte[] csv(Template template) {
        StringBuilder out = new StringBuilder("\uFEFF");
        template.title().forEach(line -> out.append(CsvText.cell(line)).append("\r\n"));
        CsvText.line(out, template.texts().headerRow());
        template.lines().forEach(line -> CsvText.line(out, cells(line)));
        template.texts().howTo().forEach(line -> out.append(CsvText.cell(line)).append("\r\n"));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> cells(Line line) {
        List<String> cells = new ArrayList<>(List.of("", "", "", "", "", "", "", ""));
        if (line instanceof Criterion criterion) {
            cells.set(Column.NO.ordinal(), String.valueOf(criterion.number()));
            cells.set(Column.CRITERION.ordinal(), criterion.label());
        } else if (line instanceof Indicator indicator) {
            cells.set(Column.CRITERION.ordinal(), indicator.code());
            cells.set(Column.CONTENT.ordinal(), indicator.name());
            cells.set(Column.TARGET.ordinal(), indicator.target());
            cells.set(Column.SOURCE.ordinal(), indicator.source());
        }
        return cells;
    }
}
