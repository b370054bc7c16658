package vn.ntm.reporting.exports.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ntm.support.sheets.CsvText;
import vn.ntm.support.sheets.SheetStyles;

/**
 * A table to export: a title block, a header row and rows of cells, written as XLSX (Apache POI) or as CSV (UTF-8 with
 * a byte-order mark, so that spreadsheet programs read the Vietnamese diacritics right). A cell that is a status
 * (MET / NOT_MET / UNKNOWN) is written as its label and, in XLSX, coloured.
 */
final class Sheet {

    /** A status cell: written as {@code label}, coloured by {@code status}. */
    record Status(String status, String label) {
    }

    /** A row that heads a group (a criterion above its indicators): bold in XLSX. */
    record Group(List<Object> cells) {
    }

    private final String name;
    private final List<String> title = new ArrayList<>();
    private final List<String> header;
    private final List<Object> rows = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();

    Sheet(String name, List<String> header) {
        this.name = name;
        this.header = header;
    }

    Sheet title(String line) {
        title.add(line);
        return this;
    }

    Sheet row(List<Object> cells) {
        rows.add(cells);
        return this;
    }

    Sheet group(List<Object> cells) {
        rows.add(new Group(cells));
        return this;
    }

    Sheet footer(String line) {
        footer.add(line);
        return this;
    }

    static byte[] xlsx(List<Sheet> sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            for (Sheet sheet : sheets) {
                sheet.write(book, styles);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(XSSFWorkbook book, Styles styles) {
        XSSFSheet sheet = book.createSheet(name);
        int r = 0;
        for (String line : title) {
            Cell cell = sheet.createRow(r).createCell(0);
            cell.setCellValue(line);
            cell.setCellStyle(r == 0 ? styles.shared.title : styles.shared.plain);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, Math.max(1, header.size() - 1)));
            r++;
        }
        r++;
        Row head = sheet.createRow(r++);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(styles.shared.header);
        }
        sheet.createFreezePane(0, r);
        for (Object row : rows) {
            boolean group = row instanceof Group;
            List<?> cells = group ? ((Group) row).cells() : (List<?>) row;
            Row line = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = line.createCell(c);
                Object value = cells.get(c);
                if (value instanceof Status s) {
                    cell.setCellValue(s.label());
                    cell.setCellStyle(styles.status(s.status()));
                } else if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    cell.setCellStyle(group ? styles.shared.bold : styles.shared.plain);
                } else {
                    cell.setCellValue(value == null ? "" : value.toString());
                    cell.setCellStyle(group ? styles.shared.bold : styles.shared.plain);
                }
            }
        }
        r++;
        for (String line : footer) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        // widths from the longest text of each column (POI's autoSizeColumn needs fonts a server may not have)
        for (int c = 0; c < header.size(); c++) {
            int widest = header.get(c).length();
            for (Object row : rows) {
                List<?> cells = row instanceof Group g ? g.cells() : (List<?>) row;
                if (c < cells.size() && cells.get(c) != null) {
                    Object v = cells.get(c);
                    widest = Math.max(widest, (v instanceof Status s ? s.label() : v.toString()).length());
                }
            }
            sheet.setColumnWidth(c, Math.min(widest + 3, 60) * 256);
        }
    }

    /** This sheet as CSV (RFC 4180), UTF-8 with a byte-order mark; the title and footer as leading/trailing lines. */
    byte[] csv() {
        StringBuilder out = new StringBuilder("\uFEFF");
        title.forEach(line -> out.append(CsvText.cell(line)).append("\r\n"));
        line(out, new ArrayList<>(header));
        for (Object row : rows) {
            line(out, row instanceof Group g ? g.cells() : (List<?>) row);
        }
        footer.forEach(line -> out.append(CsvText.cell(line)).append("\r\n"));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        CsvText.line(out, cells.stream().map(value -> value instanceof Status s ? s.label()
                : value == null ? "" : value.toString()).toList());
    }

    /** The platform's look, and the status colours of the matrix. */
    private static final class Styles {
        final SheetStyles shared;
        final CellStyle met;
        final CellStyle notMet;
        final CellStyle unknown;

        Styles(XSSFWorkbook book) {
            shared = new SheetStyles(book);
            met = shared.filled(IndexedColors.LIGHT_GREEN, true);
            notMet = shared.filled(IndexedColors.ROSE, true);
            unknown = shared.filled(IndexedColors.GREY_25_PERCENT, true);
        }

        CellStyle status(String status) {
            return switch (status == null ? "" : status) {
                case "MET" -> met;
                case "NOT_MET" -> notMet;
                default -> unknown;
            };
        }
    }
}
