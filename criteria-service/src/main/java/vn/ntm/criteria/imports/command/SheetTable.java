package vn.ntm.criteria.imports.command;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ntm.criteria.imports.command.ResultReader.Raw;
import vn.ntm.criteria.imports.command.SpreadsheetLayout.Column;

/**
 * A sheet as rows of cells, whatever the file format ({@link WorkbookReader}, {@link CsvReader}), and where the
 * layout's header is in it ({@link #layout()}).
 */
record SheetTable(String name, boolean csv, List<SheetTable.Line> lines) {

    /** The header is looked for in the first rows of each sheet. */
    static final int HEADER_SEARCH_ROWS = 30;
    /**
     * Rows past this many non-empty ones are not read: whatever the header's place, the data area then has more
     * than {@value SpreadsheetParser#MAX_DATA_ROWS} rows and the file is refused for that.
     */
    static final int MAX_LINES = HEADER_SEARCH_ROWS + SpreadsheetParser.MAX_DATA_ROWS + 1;

    /** A row of a sheet; {@code merged}: the merged region it lies in, if any (A12:B13). */
    record Line(int number, List<Raw> cells, String merged) {

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
    record Found(SheetTable table, int headerIndex, Map<Column, Integer> columns) {

        List<Line> data() {
            return table.lines().subList(headerIndex + 1, table.lines().size());
        }

        boolean filled() {
            Integer result = columns.get(Column.RESULT);
            return data().stream().anyMatch(line -> !line.text(result).isEmpty());
        }
    }

    /** The first row among the first {@value #HEADER_SEARCH_ROWS} that holds the layout's required columns. */
    Optional<Found> layout() {
        for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_ROWS); i++) {
            Map<Column, Integer> columns = new EnumMap<>(Column.class);
            List<Raw> cells = lines.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                int column = c;
                SpreadsheetLayout.column(cells.get(c).shown()).ifPresent(col -> columns.putIfAbsent(col, column));
            }
            if (columns.keySet().containsAll(SpreadsheetLayout.REQUIRED)) {
                return Optional.of(new Found(this, i, columns));
            }
        }
        return Optional.empty();
    }
}
