package vn.ntm.support.sheets;

import java.util.List;

/**
 * CSV as spreadsheets read it (RFC 4180, CRLF), safe to open: a cell that a spreadsheet would take for a formula
 * ({@code =}, {@code +}, {@code -} or {@code @} first, unless it is a plain number) is prefixed with a quote, so a
 * place name or a note can never run as one (CSV injection).
 */
public final class CsvText {

    private CsvText() {
    }

    /** Appends one line of cells. */
    public static void line(StringBuilder out, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            out.append(c == 0 ? "" : ",").append(cell(cells.get(c)));
        }
        out.append("\r\n");
    }

    /** One cell: quoted where it holds a comma, a quote or a line break; defused where it would be a formula. */
    public static String cell(String value) {
        boolean needs = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value : value;
        return needs ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
