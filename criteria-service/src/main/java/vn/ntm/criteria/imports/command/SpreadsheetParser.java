package vn.ntm.criteria.imports.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition.Indicator;
import vn.ntm.criteria.imports.command.ResultReader.Raw;
import vn.ntm.criteria.imports.command.ResultReader.Read;
import vn.ntm.criteria.imports.command.ResultReader.Refusal;
import vn.ntm.criteria.imports.command.SheetTable.Found;
import vn.ntm.criteria.imports.command.SpreadsheetLayout.Column;
import vn.ntm.support.rules.RuleViolation;

/**
 * Reads a filled-in template (or a progress report exported by reporting-service) from the bytes of an XLSX or CSV
 * file: a pure function of the bytes, the set's indicators and the unit and date the import is for. No Spring, no
 * I/O beyond the bytes given. The cells come from {@link WorkbookReader} or {@link CsvReader}; this class finds the
 * sheet in the layout, checks its title and validates each row; {@link ResultReader} reads the result cells.
 *
 * <p>A file that cannot be this layout is refused as a whole ({@link RuleViolation}, field {@code file}): not an
 * XLSX or CSV, an Excel 97–2003 or password-protected file, a CSV not in UTF-8, no sheet with the layout's header,
 * several sheets with results, more than {@value #MAX_DATA_ROWS} rows below the header, a title naming another unit
 * or date. Otherwise every row that names an indicator, or holds a result, comes back with what was read or the
 * reason it cannot be (merged cells, text where a number belongs, an unknown indicator, ...).
 */
final class SpreadsheetParser {

    static final int MAX_DATA_ROWS = 500;
    static final long MAX_UNPACKED_BYTES = WorkbookReader.MAX_UNPACKED_BYTES;

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

    private SpreadsheetParser() {
    }

    static Parsed parse(byte[] bytes, String fileName, Expectation expected) {
        boolean xlsx = startsWith(bytes, new byte[] {'P', 'K', 3, 4});
        if (startsWith(bytes, OLE2)) {
            throw RuleViolation.invalid("import-old-excel", "file", fileName);
        }
        List<SheetTable> tables = xlsx ? WorkbookReader.read(bytes, fileName)
                : List.of(CsvReader.read(bytes, fileName));
        List<Found> inLayout = tables.stream().map(SheetTable::layout).flatMap(Optional::stream).toList();
        List<String> names = tables.stream().map(SheetTable::name).toList();
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
        for (SheetTable.Line line : found.data()) {
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

    private static ParsedRow refused(SheetTable.Line line, String code, Indicator indicator, String text, Refusal refusal) {
        return new ParsedRow(line.number(), code, indicator, text, new Read(null, refusal));
    }

    /** A CSV row with more cells than the header: a decimal comma read as a separator (74,5 → 74 | 5). */
    private static boolean extraCells(SheetTable.Line line, int width) {
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

    // ------------------------------------------------------------------------------------------- the title

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
