package vn.ntm.reporting.exports.query;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import vn.ntm.reporting.matrix.query.CriteriaMatrix;
import vn.ntm.reporting.statuses.query.StatusTimelines.IndicatorStatusRow;

/**
 * The words and number forms of the downloads, in Vietnamese or English: headings, statuses, levels, thresholds
 * ({@code ≥ 100 %}), dates as offices write them ({@code 31/12/2024}).
 */
final class Wording {

    static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "vi", Map.ofEntries(
                    Map.entry("matrixTitle", "BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI"),
                    Map.entry("reportTitle", "BÁO CÁO KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ"),
                    Map.entry("asOf", "Tính đến ngày"), Map.entry("knownAt", "Số liệu ghi nhận đến"),
                    Map.entry("no", "STT"), Map.entry("unit", "Đơn vị"), Map.entry("level", "Cấp"),
                    Map.entry("set", "Bộ tiêu chí"), Map.entry("criterion", "Tiêu chí"),
                    Map.entry("indicator", "Chỉ tiêu"), Map.entry("content", "Nội dung chỉ tiêu"),
                    Map.entry("target", "Chỉ tiêu phải đạt"), Map.entry("result", "Kết quả thực hiện"),
                    Map.entry("assessment", "Đánh giá"), Map.entry("validOn", "Ngày số liệu"),
                    Map.entry("source", "Căn cứ ngưỡng"), Map.entry("unverified", "(chưa kiểm chứng)"),
                    Map.entry("whole", "Cả bộ tiêu chí"), Map.entry("mergedInto", "đã sáp nhập vào"),
                    Map.entry("summary", "Tổng số tiêu chí đạt"), Map.entry("version", "phiên bản"),
                    Map.entry("matrixSheet", "Tiêu chí"),
                    Map.entry("indicatorSheet", "Chỉ tiêu"), Map.entry("reportSheet", "Báo cáo"),
                    Map.entry("MET", "Đạt"), Map.entry("NOT_MET", "Chưa đạt"), Map.entry("UNKNOWN", "Chưa đánh giá"),
                    Map.entry("PROVINCE", "Tỉnh"), Map.entry("DISTRICT", "Huyện"), Map.entry("COMMUNE", "Xã"),
                    Map.entry("VILLAGE", "Thôn")),
            "en", Map.ofEntries(
                    Map.entry("matrixTitle", "NEW RURAL DEVELOPMENT CRITERIA — SUMMARY OF RESULTS"),
                    Map.entry("reportTitle", "PROGRESS REPORT AGAINST THE CRITERIA SET"),
                    Map.entry("asOf", "As of"), Map.entry("knownAt", "Data recorded up to"),
                    Map.entry("no", "No."), Map.entry("unit", "Unit"), Map.entry("level", "Level"),
                    Map.entry("set", "Criteria set"), Map.entry("criterion", "Criterion"),
                    Map.entry("indicator", "Indicator"), Map.entry("content", "Indicator"),
                    Map.entry("target", "Target"), Map.entry("result", "Result"),
                    Map.entry("assessment", "Assessment"), Map.entry("validOn", "Valid on"),
                    Map.entry("source", "Threshold source"), Map.entry("unverified", "(not verified)"),
                    Map.entry("whole", "Whole set"), Map.entry("mergedInto", "merged into"),
                    Map.entry("summary", "Criteria met"), Map.entry("version", "version"),
                    Map.entry("matrixSheet", "Criteria"),
                    Map.entry("indicatorSheet", "Indicators"), Map.entry("reportSheet", "Report"),
                    Map.entry("MET", "Met"), Map.entry("NOT_MET", "Not met"), Map.entry("UNKNOWN", "Not assessed"),
                    Map.entry("PROVINCE", "Province"), Map.entry("DISTRICT", "District"),
                    Map.entry("COMMUNE", "Commune"), Map.entry("VILLAGE", "Village")));

    private final Map<String, String> text;
    final boolean english;

    private Wording(String language) {
        this.english = Locale.ENGLISH.getLanguage().equals(language);
        this.text = TEXT.get(english ? "en" : "vi");
    }

    /** The wording of {@code language} ({@code en}; anything else: Vietnamese). */
    static Wording of(String language) {
        return new Wording(language);
    }

    String get(String key) {
        return text.get(key);
    }

    String pathNote(CriteriaMatrix.Row r) {
        if (r.predecessorOf() == null || r.path().isEmpty()) {
            return "";
        }
        return " (" + get("mergedInto") + " " + r.path().get(r.path().size() - 1).name() + " "
                + VN_DATE.format(r.endedOn()) + ")";
    }

    static String threshold(IndicatorStatusRow i) {
        if (i.threshold() == null) {
            return "";
        }
        String op = switch (i.comparator() == null ? "GE" : i.comparator()) {
            case "LE" -> "≤";
            case "LT" -> "<";
            case "GT" -> ">";
            case "EQ" -> "=";
            default -> "≥";
        };
        return op + " " + plain(i.threshold()) + (i.unit() == null ? "" : " " + i.unit());
    }

    String source(IndicatorStatusRow i) {
        String source = i.thresholdSource() == null ? "" : i.thresholdSource();
        return i.thresholdVerified() ? source : (source + " " + get("unverified")).trim();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String name(String vi, String en, boolean english) {
        return english && en != null ? en : vi == null ? "" : vi;
    }

    /** A file-name-safe ASCII form of a Vietnamese name: "Song Vân" → "song-van". */
    static String slug(String name) {
        String plain = java.text.Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
