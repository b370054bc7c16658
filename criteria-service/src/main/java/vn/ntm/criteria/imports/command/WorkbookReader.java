package vn.ntm.criteria.imports.command;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ntm.criteria.imports.command.ResultReader.Raw;
import vn.ntm.support.rules.RuleViolation;

/**
 * The cells of every sheet of an XLSX workbook, as shown (a formula by its cached value), with the merged regions of
 * the data area. A zip whose unpacked size or entries exceed the limits is refused before POI opens it.
 */
final class WorkbookReader {

    /** An XLSX is a zip: what it holds once unpacked is bounded too (a zip bomb is a few KB). */
    static final long MAX_UNPACKED_BYTES = 25L * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 1000;
    private static final int MAX_COLUMNS = 64;

    private WorkbookReader() {
    }

    static List<SheetTable> read(byte[] bytes, String fileName) {
        checkUnpackedSize(bytes, fileName);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<SheetTable> tables = new ArrayList<>();
            for (Sheet sheet : book) {
                tables.add(table(sheet, formatter));
            }
            return tables;
        } catch (RuleViolation violation) {
            throw violation;
        } catch (IOException | RuntimeException e) {
            throw RuleViolation.invalid("import-file-unreadable", "file", fileName);
        }
    }

    private static SheetTable table(Sheet sheet, DataFormatter formatter) {
        Map<Integer, String> merged = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), region.getFirstRow() + 10_000); r++) {
                merged.putIfAbsent(r, region.formatAsString());
            }
        }
        List<SheetTable.Line> lines = new ArrayList<>();
        Iterator<Row> rows = sheet.rowIterator();
        while (rows.hasNext() && lines.size() <= SheetTable.MAX_LINES) {
            Row row = rows.next();
            List<Raw> cells = new ArrayList<>();
            for (int c = 0; c < Math.min(row.getLastCellNum(), MAX_COLUMNS); c++) {
                cells.add(raw(row.getCell(c), formatter));
            }
            SheetTable.Line line = new SheetTable.Line(row.getRowNum() + 1, cells, null);
            if (!line.blank()) {
                lines.add(line);
            }
        }
        // merged regions matter in the data area only (the title block is merged by design)
        Optional<SheetTable.Found> found = new SheetTable(sheet.getSheetName(), false, lines).layout();
        if (found.isPresent()) {
            for (int i = found.get().headerIndex() + 1; i < lines.size(); i++) {
                SheetTable.Line line = lines.get(i);
                String region = merged.get(line.number() - 1);
                if (region != null) {
                    lines.set(i, new SheetTable.Line(line.number(), line.cells(), region));
                }
            }
        }
        return new SheetTable(sheet.getSheetName(), false, lines);
    }

    private static Raw raw(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return ResultReader.BLANK;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case STRING -> new ResultReader.Text(cell.getRichStringCellValue().getString());
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                String format = cell.getCellStyle().getDataFormatString();
                String shown = formatter.formatRawCellContents(value, cell.getCellStyle().getDataFormat(),
                        format == null ? "General" : format);
                yield new ResultReader.Number(value, format != null && format.contains("%"),
                        DateUtil.isCellDateFormatted(cell), shown);
            }
            case BOOLEAN -> new ResultReader.Bool(cell.getBooleanCellValue(),
                    cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR -> new ResultReader.Error(errorText(cell.getErrorCellValue()));
            default -> ResultReader.BLANK;
        };
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    /** Unpacks nothing but counts what unpacking would give, and refuses a zip that is not a workbook. */
    private static void checkUnpackedSize(byte[] bytes, String fileName) {
        long total = 0;
        int entries = 0;
        boolean workbook = false;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                workbook |= entry.getName().startsWith("xl/workbook");
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw RuleViolation.invalid("import-workbook-too-large", "file", fileName,
                            MAX_UNPACKED_BYTES / 1024 / 1024);
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw RuleViolation.invalid("import-workbook-too-large", "file", fileName,
                                MAX_UNPACKED_BYTES / 1024 / 1024);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw RuleViolation.invalid("import-file-unreadable", "file", fileName);
        }
        if (!workbook) {
            throw RuleViolation.invalid("import-not-a-spreadsheet", "file", fileName);
        }
    }
}
