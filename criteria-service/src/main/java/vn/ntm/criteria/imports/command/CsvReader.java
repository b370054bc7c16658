package vn.ntm.criteria.imports.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.ntm.criteria.imports.command.ResultReader.Raw;
import vn.ntm.support.rules.RuleViolation;

/**
 * The cells of a CSV file in UTF-8 (with or without a BOM), separated by {@code ,}, {@code ;} or tabs: the separator
 * with which the layout's header appears.
 */
final class CsvReader {

    private CsvReader() {
    }

    static SheetTable read(byte[] bytes, String fileName) {
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
        SheetTable first = null;
        for (char separator : new char[] {',', ';', '\t'}) {
            SheetTable table = new SheetTable("CSV", true, records(text, separator));
            if (table.layout().isPresent()) {
                return table;
            }
            first = first == null ? table : first;
        }
        return first;
    }

    /** RFC 4180 records: quoted fields may hold the separator, doubled quotes and line breaks. */
    private static List<SheetTable.Line> records(String text, char separator) {
        List<SheetTable.Line> lines = new ArrayList<>();
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
                add(lines, new SheetTable.Line(++number, cells, null));
                cells = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
                any = true;
            }
            if (lines.size() > SheetTable.MAX_LINES) {
                return lines;
            }
        }
        if (any || !field.isEmpty()) {
            cells.add(csvCell(field));
            add(lines, new SheetTable.Line(++number, cells, null));
        }
        return lines;
    }

    private static void add(List<SheetTable.Line> lines, SheetTable.Line line) {
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
}
