package vn.ntm.criteria.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition.Indicator;
import vn.ntm.criteria.imports.ResultReader.Raw;
import vn.ntm.criteria.imports.ResultReader.Read;
import vn.ntm.criteria.imports.ResultReader.Refusal;
import vn.ntm.criteria.imports.SpreadsheetLayout.Column;
import vn.ntm.support.rules.RuleViolation;

/**
 * Reads a filled-in template (or a progress report exported by reporting-service) from the bytes of an XLSX or CSV
 * file: a pure function of the bytes, the set's indicators and the unit and date the import is for. No Spring, no
 * I/O beyond the bytes given.
 *
 * <p>A file that cannot be this layout is refused as a whole ({@link RuleViolation}, field {@code file}): not an
 * XLSX or CSV, an Excel 97–2003 or password-protected file, a CSV not in UTF-8, no sheet with the layout's header,
 * several sheets with results, more than {@value #MAX_DATA_ROWS} rows below the header, a title naming another unit
 * or date. Otherwise every row that names an indicator, or holds a result, comes back with what was read or the
 * reason it cannot be (merged cells, text where a number belongs, an unknown indicator, ...).
 */
final class SpreadsheetParser {

    static final int MAX_DATA_ROWS = 500;
    /** An XLSX is a zip: what it holds once unpacked is bounded too (a zip bomb is a few KB). */
    static final long MAX_UNPACKED_BYTES = 25L * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 1000;
    /** The header is looked for in the first rows of each sheet. */
    static final int HEADER_SEARCH_ROWS = 30;
    /**
     * Rows past this many non-empty ones are not read: whatever the header's place, the data area then has more
     * than {@value #MAX_DATA_ROWS} rows and the file is refused for that.
     */
    private static final int MAX_LINES = HEADER_SEARCH_ROWS + MAX_DATA_ROWS + 1;
    private static final int MAX_COLUMNS = 64;

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,15}");
    private static final Pattern GROUP = Pattern.compile("(\\S+)\\.\\s+\\S.*");
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    /**
     * What the file must fit.
     *
     * @param indicators the indicators of the set version in force on {@code validOn}
     * @param unitNames  every name the unit has had (a title naming none of them names another unit)
     * @param unitName   the unit's name on {@code validOn}, for the refusal's sentence
     */
    record Expectation(String criteriaSet, List<Indicator> indicators, Set<String> unitNames, String unitName,
                       LocalDate validOn) {
    }

    /**
     * One row of the data area that names an indicator or holds a result.
     *
     * @param row       its number as a spreadsheet program shows it (from 1)
     * @param indicator null when the code is not an indicator of the set
     * @param text      what the result cell shows, as written
     */
    record ParsedRow(int row, String code, Indicator indicator, String text, Read read) {
    }

    /**
     * @param format {@code xlsx} or {@code csv}
     * @param sheet  the sheet read (null for a CSV)
     * @param sheets every sheet of the workbook
     */
    record Parsed(String format, String sheet, List<String> sheets, List<ParsedRow> rows) {
    }

    /** A sheet as rows of cells, whatever the file format. */
    private record Table(String name, boolean csv, List<Line> lines) {
    }

    /** A row of a sheet; {@code merged}: the merged region it lies in, if any (A12:B13). */
    private record Line(int number, List<Raw> cells, String merged) {

        Raw cell(Integer column) {
            return column == null || column >= cells.size() ? ResultReader.BLANK : cells.get(column);
        }

        String text(Integer column) {
            return SpreadsheetLayout.clean(cell(column).shown());
        }

        boolean blank() {
            return cells.stream().allMatch(c -> SpreadsheetLayout.clean(c.shown()).isEmpty());
        }
    }

    /** The layout found in a table: where its header is and which column holds what. */
    private record Found(Table table, int headerIndex, Map<Column, Integer> columns) {

        List<Line> data() {
            return table.lines().subList(headerIndex + 1, table.lines().size());
        }

        boolean filled() {
            Integer result = columns.get(Column.RESULT);
            return data().stream().anyMatch(line -> !line.text(result).isEmpty());
        }
    }

    private SpreadsheetParser() {
    }

    static Parsed parse(byte[] bytes, String fileName, Expectation expected) {
        boolean xlsx = startsWith(bytes, new byte[] {'P', 'K', 3, 4});
        if (startsWith(bytes, OLE2)) {
            throw RuleViolation.invalid("import-old-excel", "file", fileName);
        }
        List<Table> tables = xlsx ? workbook(bytes, fileName) : List.of(csv(bytes, fileName));
        List<Found> inLayout = tables.stream().map(SpreadsheetParser::layout).flatMap(Optional::stream).toList();
        List<String> names = tables.stream().map(Table::name).toList();
        if (inLayout.isEmpty()) {
            throw RuleViolation.invalid("import-layout-not-found", "file", String.join(", ", names));
        }
        List<Found> filled = inLayout.stream().filter(Found::filled).toList();
        if (filled.size() > 1) {
            throw RuleViolation.invalid("import-several-sheets-filled", "file",
                    filled.stream().map(f -> f.table().name()).collect(Collectors.joining(", ")));
        }
        Found found = filled.isEmpty() ? inLayout.get(0) : filled.get(0);
        long dataRows = found.data().stream().filter(line -> !line.blank()).count();
        if (dataRows > MAX_DATA_ROWS) {
            throw RuleViolation.invalid("import-too-many-rows", "file", dataRows, MAX_DATA_ROWS);
        }
        checkTitle(found, expected);
        return new Parsed(xlsx ? "xlsx" : "csv", xlsx ? found.table().name() : null, xlsx ? names : List.of(),
                rows(found, expected));
    }

    // ------------------------------------------------------------------------------------------- the rows

    private static List<ParsedRow> rows(Found found, Expectation expected) {
        Map<String, Indicator> byCode = expected.indicators().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Integer codeColumn = found.columns().get(Column.CRITERION);
        Integer resultColumn = found.columns().get(Column.RESULT);
        Integer contentColumn = found.columns().get(Column.CONTENT);
        Integer assessmentColumn = found.columns().get(Column.ASSESSMENT);
        int width = found.columns().values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<String, Integer> firstRowOf = new HashMap<>();
        List<ParsedRow> rows = new ArrayList<>();
        for (Line line : found.data()) {
            if (line.blank()) {
                continue;
            }
            Raw codeCell = line.cell(codeColumn);
            String code = line.text(codeColumn);
            Raw result = line.cell(resultColumn);
            String text = SpreadsheetLayout.clean(result.shown());
            boolean hasResult = !text.isEmpty();
            boolean isCode = CODE.matcher(code).matches();
            if (hasResult && line.merged() != null) {
                // merged cells are refused where a result is given (elsewhere they change nothing)
                rows.add(refused(line, isCode ? code : null, isCode ? byCode.get(code) : null, text,
                        Refusal.of("import-merged-cells", line.merged())));
                continue;
            }
            if (!isCode) {
                var group = GROUP.matcher(code);
                if (hasResult) {
                    rows.add(refused(line, null, null, text, group.matches()
                            ? Refusal.of("import-not-an-indicator-row", group.group(1))
                            : Refusal.of("import-row-without-indicator", text)));
                }
                continue; // a criterion's row, a footer, a note
            }
            Indicator indicator = byCode.get(code);
            if (!hasResult) {
                rows.add(new ParsedRow(line.number(), code, indicator, text, Read.EMPTY));
                continue;
            }
            Refusal refusal = null;
            if (indicator == null) {
                refusal = Refusal.of("unknown-indicator", code, expected.criteriaSet());
            } else if (codeCell instanceof ResultReader.Number && byCode.containsKey(code + "0")) {
                refusal = Refusal.of("import-code-ambiguous", code, code + "0");
            } else if (found.table().csv() && (extraCells(line, width)
                    || line.text(assessmentColumn).matches("\\d+"))) {
                refusal = Refusal.of("import-extra-cells");
            } else if (!line.text(contentColumn).isEmpty() && !sameName(line.text(contentColumn), indicator)) {
                refusal = Refusal.of("import-indicator-name-differs", code, shorten(line.text(contentColumn)),
                        shorten(indicator.nameVi()));
            }
            if (refusal != null) {
                rows.add(refused(line, code, indicator, text, refusal));
                continue;
            }
            Read read = ResultReader.read(indicator, result);
            if (read.value() != null) {
                Integer first = firstRowOf.putIfAbsent(code, line.number());
                if (first != null) {
                    read = new Read(null, Refusal.of("import-indicator-twice", code, first));
                }
            }
            rows.add(new ParsedRow(line.number(), code, indicator, text, read));
        }
        return rows;
    }

    private static ParsedRow refused(Line line, String code, Indicator indicator, String text, Refusal refusal) {
        return new ParsedRow(line.number(), code, indicator, text, new Read(null, refusal));
    }

    /** A CSV row with more cells than the header: a decimal comma read as a separator (74,5 → 74 | 5). */
    private static boolean extraCells(Line line, int width) {
        for (int c = width; c < line.cells().size(); c++) {
            if (!SpreadsheetLayout.clean(line.cells().get(c).shown()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameName(String written, Indicator indicator) {
        String folded = SpreadsheetLayout.fold(written);
        return folded.equals(SpreadsheetLayout.fold(indicator.nameVi()))
                || indicator.nameEn() != null && folded.equals(SpreadsheetLayout.fold(indicator.nameEn()));
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    // ------------------------------------------------------------------------------------------- the layout

    private static Optional<Found> layout(Table table) {
        List<Line> lines = table.lines();
        for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_ROWS); i++) {
            Map<Column, Integer> columns = new EnumMap<>(Column.class);
            List<Raw> cells = lines.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                int column = c;
                SpreadsheetLayout.column(cells.get(c).shown()).ifPresent(col -> columns.putIfAbsent(col, column));
            }
            if (columns.keySet().containsAll(SpreadsheetLayout.REQUIRED)) {
                return Optional.of(new Found(table, i, columns));
            }
        }
        return Optional.empty();
    }

    /** The title block (above the header) must not name another unit or another date than the import's. */
    private static void checkTitle(Found found, Expectation expected) {
        List<String> title = found.table().lines().subList(0, found.headerIndex()).stream()
                .map(line -> line.cells().stream().map(c -> SpreadsheetLayout.clean(c.shown()))
                        .filter(s -> !s.isEmpty()).findFirst().orElse(""))
                .filter(s -> !s.isEmpty()).toList();
        Set<String> names = expected.unitNames().stream().map(SpreadsheetLayout::comparableName)
                .collect(Collectors.toSet());
        title.stream().map(SpreadsheetLayout::unitName).flatMap(Optional::stream).findFirst().ifPresent(named -> {
            if (!names.contains(SpreadsheetLayout.comparableName(named))) {
                throw RuleViolation.invalid("import-other-unit", "file", named, expected.unitName());
            }
        });
        title.stream().map(SpreadsheetLayout::asOf).flatMap(Optional::stream).findFirst().ifPresent(date -> {
            if (!date.equals(expected.validOn())) {
                throw RuleViolation.invalid("import-other-date", "file", SpreadsheetLayout.VN_DATE.format(date),
                        SpreadsheetLayout.VN_DATE.format(expected.validOn()));
            }
        });
    }

    // ------------------------------------------------------------------------------------------- XLSX

    private static List<Table> workbook(byte[] bytes, String fileName) {
        checkUnpackedSize(bytes, fileName);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<Table> tables = new ArrayList<>();
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

    private static Table table(Sheet sheet, DataFormatter formatter) {
        Map<Integer, String> merged = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), region.getFirstRow() + 10_000); r++) {
                merged.putIfAbsent(r, region.formatAsString());
            }
        }
        List<Line> lines = new ArrayList<>();
        Iterator<Row> rows = sheet.rowIterator();
        while (rows.hasNext() && lines.size() <= MAX_LINES) {
            Row row = rows.next();
            List<Raw> cells = new ArrayList<>();
            for (int c = 0; c < Math.min(row.getLastCellNum(), MAX_COLUMNS); c++) {
                cells.add(raw(row.getCell(c), formatter));
            }
            Line line = new Line(row.getRowNum() + 1, cells, null);
            if (!line.blank()) {
                lines.add(line);
            }
        }
        // merged regions matter in the data area only (the title block is merged by design)
        Optional<Found> found = layout(new Table(sheet.getSheetName(), false, lines));
        if (found.isPresent()) {
            for (int i = found.get().headerIndex() + 1; i < lines.size(); i++) {
                Line line = lines.get(i);
                String region = merged.get(line.number() - 1);
                if (region != null) {
                    lines.set(i, new Line(line.number(), line.cells(), region));
                }
            }
        }
        return new Table(sheet.getSheetName(), false, lines);
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

    // ------------------------------------------------------------------------------------------- CSV

    private static Table csv(byte[] bytes, String fileName) {
        for (byte b : bytes) {
            if (b == 0) {
                throw RuleViolation.invalid("import-not-a-spreadsheet", "file", fileName);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            throw RuleViolation.invalid(name.endsWith(".csv") || name.endsWith(".txt") ? "import-csv-not-utf8"
                    : "import-not-a-spreadsheet", "file", fileName);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // the separator is the one with which the layout's header appears: ',' (reporting's exports), ';' (a
        // spreadsheet program in a locale whose decimal mark is the comma), or a tab
        Table first = null;
        for (char separator : new char[] {',', ';', '\t'}) {
            Table table = new Table("CSV", true, records(text, separator));
            if (layout(table).isPresent()) {
                return table;
            }
            first = first == null ? table : first;
        }
        return first;
    }

    /** RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks. */
    private static List<Line> records(String text, char separator) {
        List<Line> lines = new ArrayList<>();
        List<Raw> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int number = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == separator) {
                cells.add(csvCell(field));
                field.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(csvCell(field));
                field.setLength(0);
                add(lines, new Line(++number, cells, null));
                cells = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
                any = true;
            }
            if (lines.size() > MAX_LINES) {
                return lines;
            }
        }
        if (any || !field.isEmpty()) {
            cells.add(csvCell(field));
            add(lines, new Line(++number, cells, null));
        }
        return lines;
    }

    private static void add(List<Line> lines, Line line) {
        if (!line.blank()) {
            lines.add(line);
        }
    }

    /** A CSV cell; a leading apostrophe that protects =, +, - or @ from being read as a formula is dropped. */
    private static Raw csvCell(StringBuilder field) {
        String value = field.toString();
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1);
        }
        return new ResultReader.Text(value);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

}
