package vn.ntm.reporting.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.reporting.matrix.CriteriaMatrix;
import vn.ntm.reporting.matrix.ReportQuery;
import vn.ntm.reporting.statuses.Catalogue;
import vn.ntm.reporting.statuses.StatusProjection.IndicatorStatusRow;
import vn.ntm.reporting.access.CallerScope;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.Role;

/**
 * Downloads in the layout Vietnamese offices exchange: the criteria matrix, and a commune's progress report (summary
 * table: criterion, indicator, target, result, đạt / chưa đạt). XLSX through Apache POI, or CSV in UTF-8. Vietnamese
 * by default, English with {@code Accept-Language: en} or {@code lang=en}. Analysts and provincial administrators
 * only; a unit named must be covered on asOf, and a matrix without one has the units the caller covers on asOf.
 */
@RestController
@Access(roles = {Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unit", on = "asOf")
@RequestMapping("/api/exports")
@Tag(name = "exports", description = "XLSX and CSV downloads of the criteria matrix and a commune's progress report")
class ExportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

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

    private final CriteriaMatrix matrix;
    private final Catalogue catalogue;
    private final CallerScope scope;
    private final Clock clock;

    ExportController(CriteriaMatrix matrix, Catalogue catalogue, CallerScope scope, Clock clock) {
        this.clock = clock;
        this.matrix = matrix;
        this.catalogue = catalogue;
        this.scope = scope;
    }

    @GetMapping("/matrix.{format}")
    @Operation(summary = "The criteria matrix of a subtree as XLSX (two sheets: criteria, indicators) or CSV "
            + "(indicators)", description = "Same parameters as GET /api/matrix; format is xlsx or csv.")
    ResponseEntity<byte[]> matrix(@PathVariable String format, @ParameterObject ReportQuery query,
                                  @RequestParam(required = false) String lang) {
        boolean xlsx = format(format);
        Map<String, String> t = text(lang);
        CriteriaMatrix.Query q = query.resolve(clock);
        CriteriaMatrix.Matrix m = matrix.matrix(q, q.root() != null ? unit -> true : scope.covering(q.asOf()),
                CriteriaMatrix.Detail.FULL);
        Sheet criteria = criteriaSheet(m, t);
        Sheet indicators = indicatorSheet(m, t);
        String name = "ma-tran-tieu-chi-" + m.asOf();
        return xlsx ? download(Sheet.xlsx(List.of(criteria, indicators)), name + ".xlsx", XLSX)
                : download(indicators.csv(), name + ".csv", CSV);
    }

    @GetMapping("/progress-report.{format}")
    @Operation(summary = "A unit's progress report against a criteria set, as XLSX or CSV",
            description = "The summary table offices exchange: STT, criterion, indicator, target, result, assessment "
                    + "(Đạt / Chưa đạt), criterion by criterion, with the number of criteria met. unit is required; "
                    + "criteriaSet defaults to the first set the unit has statuses in.")
    ResponseEntity<byte[]> progressReport(@PathVariable String format, @ParameterObject ReportQuery query,
                                          @RequestParam(required = false) String lang) {
        boolean xlsx = format(format);
        Map<String, String> t = text(lang);
        if (query.unit() == null) {
            throw RuleViolation.invalid("unit-required", "unit");
        }
        String unit = query.unit();
        String criteriaSet = query.criteriaSet();
        CriteriaMatrix.Matrix m = matrix.matrix(query.resolve(clock));
        CriteriaMatrix.Row row = m.rows().stream().filter(r -> r.unitId().equals(unit)).findFirst()
                .orElse(m.rows().get(0));
        String setCode = criteriaSet != null ? criteriaSet
                : row.indicators().stream().map(IndicatorStatusRow::criteriaSet).findFirst()
                .orElseGet(() -> row.sets().stream().map(CriteriaMatrix.SetCell::criteriaSet).findFirst()
                        .orElseThrow(() -> RuleViolation.notFound("nothing-to-report", unit)));
        // the set as the row's own set cell names it (the version its status was judged by), else the version in
        // force on the report's date
        Integer version = row.sets().stream().filter(c -> c.criteriaSet().equals(setCode))
                .map(CriteriaMatrix.SetCell::setVersion).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Catalogue.CriteriaSet set = version != null && catalogue.version(setCode, version) != null
                ? catalogue.version(setCode, version) : catalogue.setsOn(m.asOf(), m.knownAt()).get(setCode);
        if (set == null) {
            throw RuleViolation.notFound("unknown-criteria-set", setCode);
        }
        Sheet report = report(m, row, set, t);
        String name = "bao-cao-" + slug(row.name()) + "-" + m.asOf();
        return xlsx ? download(Sheet.xlsx(List.of(report)), name + ".xlsx", XLSX)
                : download(report.csv(), name + ".csv", CSV);
    }

    private Sheet report(CriteriaMatrix.Matrix m, CriteriaMatrix.Row row, Catalogue.CriteriaSet set,
                         Map<String, String> t) {
        boolean en = t == TEXT.get("en");
        Sheet sheet = new Sheet(t.get("reportSheet"), List.of(t.get("no"), t.get("criterion"), t.get("content"),
                t.get("target"), t.get("result"), t.get("assessment"), t.get("validOn"), t.get("source")));
        sheet.title(t.get("reportTitle") + " " + (en && set.titleEn() != null ? set.titleEn() : set.titleVi())
                        + " (" + t.get("version") + " " + set.version() + ")")
                .title(t.get(row.level()) + " " + row.name() + pathNote(row, t))
                .title(t.get("asOf") + " " + VN_DATE.format(m.asOf()) + (set.legalBasis() == null ? ""
                        : " — " + set.legalBasis()));
        int met = 0;
        int number = 1;
        for (Catalogue.Criterion criterion : set.criteria()) {
            String status = row.criteria().stream().filter(c -> c.criteriaSet().equals(set.code())
                    && c.criterionCode().equals(criterion.code())).map(CriteriaMatrix.CriterionCell::status)
                    .findFirst().orElse("UNKNOWN");
            met += status.equals("MET") ? 1 : 0;
            sheet.group(List.of(number++, criterion.code() + ". " + name(criterion.nameVi(), criterion.nameEn(), en),
                    "", "", "", new Sheet.Status(status, t.get(status)), "", ""));
            for (Catalogue.Indicator indicator : criterion.indicators()) {
                IndicatorStatusRow cell = row.indicators().stream().filter(i -> i.criteriaSet().equals(set.code())
                        && i.indicatorCode().equals(indicator.code())).findFirst().orElse(null);
                String s = cell == null ? "UNKNOWN" : cell.status();
                sheet.row(List.of("", indicator.code(), name(indicator.nameVi(), indicator.nameEn(), en),
                        cell == null ? "" : threshold(cell), cell == null || cell.value() == null ? ""
                                : plain(cell.value()) + (cell.unit() == null ? "" : " " + cell.unit()),
                        new Sheet.Status(s, t.get(s)), cell == null ? "" : VN_DATE.format(cell.validOn()),
                        cell == null ? "" : source(cell, t)));
            }
        }
        // the counts of the set's stretch that holds the date, when there is one: those of that day
        CriteriaMatrix.SetCell whole = row.sets().stream().filter(c -> c.criteriaSet().equals(set.code())
                && c.criteriaMet() != null && c.criteriaTotal() != null).findFirst().orElse(null);
        sheet.footer(t.get("summary") + ": " + (whole != null ? whole.criteriaMet() + "/" + whole.criteriaTotal()
                : met + "/" + set.criteria().size()));
        return sheet;
    }

    private Sheet criteriaSheet(CriteriaMatrix.Matrix m, Map<String, String> t) {
        boolean en = t == TEXT.get("en");
        List<String> header = new ArrayList<>(List.of(t.get("no"), t.get("unit"), t.get("level")));
        List<String[]> columns = new ArrayList<>();
        for (Catalogue.CriteriaSet set : m.criteriaSets()) {
            header.add(set.code() + " — " + t.get("whole"));
            columns.add(new String[] {set.code(), null});
            for (Catalogue.Criterion c : set.criteria()) {
                header.add(set.code() + " — " + c.code() + ". " + name(c.nameVi(), c.nameEn(), en));
                columns.add(new String[] {set.code(), c.code()});
            }
        }
        Sheet sheet = new Sheet(t.get("matrixSheet"), header).title(t.get("matrixTitle"))
                .title(t.get("asOf") + " " + VN_DATE.format(m.asOf()) + (m.root() == null ? ""
                        : " — " + t.get(m.root().level()) + " " + m.root().name())
                        + m.criteriaSets().stream().map(set -> " — " + set.code() + " " + t.get("version") + " "
                        + set.version()).collect(java.util.stream.Collectors.joining()));
        int number = 1;
        for (CriteriaMatrix.Row r : m.rows()) {
            List<Object> cells = new ArrayList<>(List.of(number++, "  ".repeat(Math.max(0, r.depth() - 1)) + r.name()
                    + pathNote(r, t), t.get(r.level())));
            for (String[] col : columns) {
                String status = col[1] == null
                        ? r.sets().stream().filter(s -> s.criteriaSet().equals(col[0]))
                        .map(CriteriaMatrix.SetCell::status).findFirst().orElse("UNKNOWN")
                        : r.criteria().stream().filter(c -> c.criteriaSet().equals(col[0])
                        && c.criterionCode().equals(col[1])).map(CriteriaMatrix.CriterionCell::status)
                        .findFirst().orElse("UNKNOWN");
                cells.add(new Sheet.Status(status, t.get(status)));
            }
            sheet.row(cells);
        }
        return sheet;
    }

    private Sheet indicatorSheet(CriteriaMatrix.Matrix m, Map<String, String> t) {
        Sheet sheet = new Sheet(t.get("indicatorSheet"), List.of(t.get("no"), t.get("unit"), t.get("level"),
                t.get("set"), t.get("criterion"), t.get("indicator"), t.get("content"), t.get("target"),
                t.get("result"), t.get("assessment"), t.get("validOn"), t.get("source")))
                .title(t.get("matrixTitle")).title(t.get("asOf") + " " + VN_DATE.format(m.asOf()));
        int number = 1;
        boolean en = t == TEXT.get("en");
        Catalogue.Versions sets = catalogue.current();
        for (CriteriaMatrix.Row r : m.rows()) {
            for (IndicatorStatusRow i : r.indicators()) {
                String set = i.setVersion() == null ? i.criteriaSet()
                        : i.criteriaSet() + " (" + t.get("version") + " " + i.setVersion() + ")";
                sheet.row(List.of(number++, r.name() + pathNote(r, t), t.get(r.level()), set,
                        i.criterionCode(), i.indicatorCode(), nameOf(sets, i, en), threshold(i),
                        i.value() == null ? "" : plain(i.value()), new Sheet.Status(i.status(), t.get(i.status())),
                        VN_DATE.format(i.validOn()), source(i, t)));
            }
        }
        return sheet;
    }

    private static String nameOf(Catalogue.Versions sets, IndicatorStatusRow i, boolean en) {
        String name = sets.indicatorName(i.criteriaSet(), i.setVersion(), i.indicatorCode(), en ? "en" : "vi");
        return name == null ? "" : name;
    }

    private static String pathNote(CriteriaMatrix.Row r, Map<String, String> t) {
        if (r.predecessorOf() == null || r.path().isEmpty()) {
            return "";
        }
        return " (" + t.get("mergedInto") + " " + r.path().get(r.path().size() - 1).name() + " "
                + VN_DATE.format(r.endedOn()) + ")";
    }

    private static String threshold(IndicatorStatusRow i) {
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

    private static String source(IndicatorStatusRow i, Map<String, String> t) {
        String source = i.thresholdSource() == null ? "" : i.thresholdSource();
        return i.thresholdVerified() ? source : (source + " " + t.get("unverified")).trim();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String name(String vi, String en, boolean english) {
        return english && en != null ? en : vi == null ? "" : vi;
    }

    private static boolean format(String format) {
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw RuleViolation.notFound("unknown-export-format", format);
        }
        return format.equals("xlsx");
    }

    private static Map<String, String> text(String lang) {
        String language = lang != null ? lang : LocaleContextHolder.getLocale().getLanguage();
        return TEXT.get(Locale.ENGLISH.getLanguage().equals(language) ? "en" : "vi");
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** A file-name-safe ASCII form of a Vietnamese name: "Song Vân" → "song-van". */
    static String slug(String name) {
        String plain = java.text.Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
