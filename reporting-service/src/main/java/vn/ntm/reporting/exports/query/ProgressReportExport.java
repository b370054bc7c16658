package vn.ntm.reporting.exports.query;

import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import vn.ntm.reporting.matrix.query.CriteriaMatrix;
import vn.ntm.reporting.statuses.query.Catalogue;
import vn.ntm.reporting.statuses.query.StatusTimelines.IndicatorStatusRow;
import vn.ntm.support.rules.RuleViolation;

/**
 * A unit's progress report against a criteria set, in the layout offices exchange: STT, tiêu chí, nội dung chỉ tiêu,
 * chỉ tiêu phải đạt, kết quả thực hiện, đánh giá (Đạt / Chưa đạt), ngày số liệu, căn cứ ngưỡng, criterion by
 * criterion, and "Tổng số tiêu chí đạt: X/Y".
 */
@Component
public class ProgressReportExport {

    private final CriteriaMatrix matrix;
    private final Catalogue catalogue;

    ProgressReportExport(CriteriaMatrix matrix, Catalogue catalogue) {
        this.matrix = matrix;
        this.catalogue = catalogue;
    }

    /**
     * The report of {@code query}'s unit (required) against its criteria set (default: the first set the unit has
     * statuses in), described by the version its status was judged by, else the version in force on the date.
     */
    public ExportFile report(CriteriaMatrix.Query query, String format, String language) {
        boolean xlsx = Formats.xlsx(format);
        Wording t = Wording.of(language);
        if (query.root() == null) {
            throw RuleViolation.invalid("unit-required", "unit");
        }
        String unit = query.root();
        String criteriaSet = query.criteriaSet();
        CriteriaMatrix.Matrix m = matrix.matrix(query);
        CriteriaMatrix.Row row = m.rows().stream().filter(r -> r.unitId().equals(unit)).findFirst()
                .orElse(m.rows().get(0));
        String setCode = criteriaSet != null ? criteriaSet
                : row.indicators().stream().map(IndicatorStatusRow::criteriaSet).findFirst()
                .orElseGet(() -> row.sets().stream().map(CriteriaMatrix.SetCell::criteriaSet).findFirst()
                        .orElseThrow(() -> RuleViolation.notFound("nothing-to-report", unit)));
        // the set as the row's own set cell names it (the version its status was judged by), else the version in
        // force on the report's date
        Integer version = row.sets().stream().filter(c -> c.criteriaSet().equals(setCode))
                .map(CriteriaMatrix.SetCell::setVersion).filter(Objects::nonNull).findFirst().orElse(null);
        Catalogue.CriteriaSet set = version != null && catalogue.version(setCode, version) != null
                ? catalogue.version(setCode, version) : catalogue.setsOn(m.asOf(), m.knownAt()).get(setCode);
        if (set == null) {
            throw RuleViolation.notFound("unknown-criteria-set", setCode);
        }
        Sheet report = report(m, row, set, t);
        String name = "bao-cao-" + Wording.slug(row.name()) + "-" + m.asOf();
        return xlsx ? new ExportFile(name + ".xlsx", format, Sheet.xlsx(List.of(report)))
                : new ExportFile(name + ".csv", format, report.csv());
    }

    private Sheet report(CriteriaMatrix.Matrix m, CriteriaMatrix.Row row, Catalogue.CriteriaSet set,
                         Wording t) {
        boolean en = t.english;
        Sheet sheet = new Sheet(t.get("reportSheet"), List.of(t.get("no"), t.get("criterion"), t.get("content"),
                t.get("target"), t.get("result"), t.get("assessment"), t.get("validOn"), t.get("source")));
        sheet.title(t.get("reportTitle") + " " + (en && set.titleEn() != null ? set.titleEn() : set.titleVi())
                        + " (" + t.get("version") + " " + set.version() + ")")
                .title(t.get(row.level()) + " " + row.name() + t.pathNote(row))
                .title(t.get("asOf") + " " + Wording.VN_DATE.format(m.asOf()) + (set.legalBasis() == null ? ""
                        : " — " + set.legalBasis()));
        int met = 0;
        int number = 1;
        for (Catalogue.Criterion criterion : set.criteria()) {
            String status = row.criteria().stream().filter(c -> c.criteriaSet().equals(set.code())
                    && c.criterionCode().equals(criterion.code())).map(CriteriaMatrix.CriterionCell::status)
                    .findFirst().orElse("UNKNOWN");
            met += status.equals("MET") ? 1 : 0;
            sheet.group(List.of(number++,
                    criterion.code() + ". " + Wording.name(criterion.nameVi(), criterion.nameEn(), en),
                    "", "", "", new Sheet.Status(status, t.get(status)), "", ""));
            for (Catalogue.Indicator indicator : criterion.indicators()) {
                IndicatorStatusRow cell = row.indicators().stream().filter(i -> i.criteriaSet().equals(set.code())
                        && i.indicatorCode().equals(indicator.code())).findFirst().orElse(null);
                String s = cell == null ? "UNKNOWN" : cell.status();
                sheet.row(List.of("", indicator.code(), Wording.name(indicator.nameVi(), indicator.nameEn(), en),
                        cell == null ? "" : Wording.threshold(cell), cell == null || cell.value() == null ? ""
                                : Wording.plain(cell.value()) + (cell.unit() == null ? "" : " " + cell.unit()),
                        new Sheet.Status(s, t.get(s)), cell == null ? "" : Wording.VN_DATE.format(cell.validOn()),
                        cell == null ? "" : t.source(cell)));
            }
        }
        // the counts of the set's stretch that holds the date, when there is one: those of that day
        CriteriaMatrix.SetCell whole = row.sets().stream().filter(c -> c.criteriaSet().equals(set.code())
                && c.criteriaMet() != null && c.criteriaTotal() != null).findFirst().orElse(null);
        sheet.footer(t.get("summary") + ": " + (whole != null ? whole.criteriaMet() + "/" + whole.criteriaTotal()
                : met + "/" + set.criteria().size()));
        return sheet;
    }
}
