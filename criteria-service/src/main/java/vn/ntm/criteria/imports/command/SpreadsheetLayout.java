package vn.ntm.criteria.imports.command;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of a commune's progress report as reporting-service exports it ({@code /api/exports/progress-report},
 * ExportController and Sheet there), which the measurement template copies and the import reads: a title block
 * naming the set, the unit and the date, a blank row, the header row, then one bold row per criterion (tiêu chí)
 * followed by a row per indicator (chỉ tiêu). The texts must stay those of reporting-service, in both languages.
 */
final class SpreadsheetLayout {

    /** The columns, in order: STT, tiêu chí, nội dung chỉ tiêu, chỉ tiêu phải đạt, kết quả thực hiện, ... */
    enum Column { NO, CRITERION, CONTENT, TARGET, RESULT, ASSESSMENT, VALID_ON, SOURCE }

    static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The labels, exactly as reporting-service writes them. */
    record Texts(String reportTitle, String asOf, String version, String sheet, String unverified,
                 Map<Column, String> header, Map<String, String> levels, List<String> howTo) {

        List<String> headerRow() {
            return List.of(Column.values()).stream().map(header::get).toList();
        }
    }

    static final Texts VI = new Texts("BÁO CÁO KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ", "Tính đến ngày", "phiên bản", "Báo cáo",
            "(chưa kiểm chứng)",
            Map.of(Column.NO, "STT", Column.CRITERION, "Tiêu chí", Column.CONTENT, "Nội dung chỉ tiêu",
                    Column.TARGET, "Chỉ tiêu phải đạt", Column.RESULT, "Kết quả thực hiện",
                    Column.ASSESSMENT, "Đánh giá", Column.VALID_ON, "Ngày số liệu", Column.SOURCE, "Căn cứ ngưỡng"),
            Map.of("PROVINCE", "Tỉnh", "DISTRICT", "Huyện", "COMMUNE", "Xã", "VILLAGE", "Thôn"),
            List.of("Cách ghi cột \"Kết quả thực hiện\" (để trống chỉ tiêu chưa có số liệu):",
                    "• Tỷ lệ: tử số/mẫu số (ví dụ 1900/2150) hoặc phần trăm (ví dụ 88,4%).",
                    "• Số: ví dụ 54 hoặc 74,5 (dấu phẩy hay dấu chấm thập phân đều được).",
                    "• Đạt/không đạt: Đạt hoặc Không đạt (cần ghi cơ quan thẩm định khi nhập).",
                    "• Chỉ tiêu \"không còn\" (ví dụ nhà tạm): số trường hợp còn lại, ví dụ 0."));

    static final Texts EN = new Texts("PROGRESS REPORT AGAINST THE CRITERIA SET", "As of", "version", "Report",
            "(not verified)",
            Map.of(Column.NO, "No.", Column.CRITERION, "Criterion", Column.CONTENT, "Indicator",
                    Column.TARGET, "Target", Column.RESULT, "Result", Column.ASSESSMENT, "Assessment",
                    Column.VALID_ON, "Valid on", Column.SOURCE, "Threshold source"),
            Map.of("PROVINCE", "Province", "DISTRICT", "District", "COMMUNE", "Commune", "VILLAGE", "Village"),
            List.of("How to fill in \"Result\" (leave it empty where there is no figure):",
                    "• Rate: numerator/denominator (e.g. 1900/2150) or a percentage (e.g. 88.4%).",
                    "• Number: e.g. 54 or 74.5 (a decimal comma or point).",
                    "• Pass/fail: Met or Not met (Đạt / Không đạt; name the assessing office when importing).",
                    "• \"Must be none\" (e.g. temporary houses): the number left, e.g. 0."));

    /** The header labels a row must hold to be the header of this layout; the others are optional. */
    static final List<Column> REQUIRED = List.of(Column.NO, Column.CRITERION, Column.RESULT);

    private static final Pattern AS_OF = Pattern.compile(
            "(?:tinh den ngay|as of)\\s*:?\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern PATH_NOTE = Pattern.compile("\\s*\\(.*\\)\\s*$");

    private SpreadsheetLayout() {
    }

    /** The column a header cell names, in either language; empty for any other text. */
    static Optional<Column> column(String headerCell) {
        String folded = fold(headerCell);
        for (Column column : Column.values()) {
            if (folded.equals(fold(VI.header().get(column))) || folded.equals(fold(EN.header().get(column)))) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** The date a title line gives ("Tính đến ngày 30/09/2024 — ..."), if it gives one. */
    static Optional<LocalDate> asOf(String titleLine) {
        Matcher m = AS_OF.matcher(fold(titleLine));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The unit a title line names ("Xã Song Vân", "Xã Song Vân (đã sáp nhập vào ...)"): the words after the level,
     * without the note in brackets; empty when the line does not start with a level.
     */
    static Optional<String> unitName(String titleLine) {
        String line = clean(titleLine);
        for (Texts texts : List.of(VI, EN)) {
            for (String level : texts.levels().values()) {
                if (line.regionMatches(true, 0, level + " ", 0, level.length() + 1)) {
                    return Optional.of(PATH_NOTE.matcher(line.substring(level.length() + 1)).replaceFirst("").trim())
                            .filter(name -> !name.isEmpty());
                }
            }
        }
        return Optional.empty();
    }

    /** A unit's name as compared: without its level word, in NFC, lower case, single spaces. */
    static String comparableName(String name) {
        String plain = clean(name).toLowerCase(Locale.ROOT);
        for (Texts texts : List.of(VI, EN)) {
            for (String level : texts.levels().values()) {
                String prefix = level.toLowerCase(Locale.ROOT) + " ";
                if (plain.startsWith(prefix)) {
                    return plain.substring(prefix.length());
                }
            }
        }
        return plain;
    }

    /** Text as a person reads it: NFC, special spaces as spaces, runs of spaces as one, trimmed. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return nfc.replaceAll("[\\p{Zs}\\s\\u200B\\uFEFF]+", " ").trim();
    }

    /** For matching labels and words typed without Vietnamese diacritics: no marks, đ as d, lower case. */
    static String fold(String text) {
        String plain = clean(text).replace('đ', 'd').replace('Đ', 'D');
        return Normalizer.normalize(plain, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
