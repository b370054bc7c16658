package vn.ntm.reporting.exports.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.ntm.reporting.matrix.query.CriteriaMatrix;
import vn.ntm.reporting.statuses.query.Catalogue;
import vn.ntm.reporting.statuses.query.StatusTimelines.IndicatorStatusRow;

/**
 * The criteria matrix as a download: an XLSX with two sheets (criteria: one column per set and criterion, cells
 * coloured by status; indicators: one line per unit and indicator) or the indicator sheet as CSV. Always every cell.
 */
@Component
public class MatrixExport {

    private final CriteriaMatrix matrix;
    private final Catalogue catalogue;

    MatrixExport(CriteriaMatrix matrix, Catalogue catalogue) {
        this.matrix = matrix;
        this.catalogue = catalogue;
    }

    /** The matrix of {@code query} with the units {@code visible} lets through as {@code format}. */
    public ExportFile matrix(CriteriaMatrix.Query query, Predicate<String> visible, String format, String language) {
        boolean xlsx = Formats.xlsx(format);
        Wording t = Wording.of(language);
        CriteriaMatrix.Matrix m = matrix.matrix(query, visible, CriteriaMatrix.Detail.FULL);
        Sheet criteria = criteriaSheet(m, t);
        Sheet indicators = indicatorSheet(m, t);
        String name = "ma-tran-tieu-chi-" + m.asOf();
        return xlsx ? new ExportFile(name + ".xlsx", format, Sheet.xlsx(List.of(criteria, indicators)))
                : new ExportFile(name + ".csv", format, indicators.csv());
    }

    private Sheet criteriaSheet(CriteriaMatrix.Matrix m, Wording t) {
        boolean en = t.english;
        List<String> header = new ArrayList<>(List.of(t.get("no"), t.get("unit"), t.get("level")));
        List<String[]> columns = new ArrayList<>();
        for (Catalogue.CriteriaSet set : m.criteriaSets()) {
            header.add(set.code() + " — " + t.get("whole"));
            columns.add(new String[] {set.code(), null});
            for (Catalogue.Criterion c : set.criteria()) {
                header.add(set.code() + " — " + c.code() + ". " + Wording.name(c.nameVi(), c.nameEn(), en));
                columns.add(new String[] {set.code(), c.code()});
            }
        }
        Sheet sheet = new Sheet(t.get("matrixSheet"), header).title(t.get("matrixTitle"))
                .title(t.get("asOf") + " " + Wording.VN_DATE.format(m.asOf()) + (m.root() == null ? ""
                        : " — " + t.get(m.root().level()) + " " + m.root().name())
                        + m.criteriaSets().stream().map(set -> " — " + set.code() + " " + t.get("version") + " "
                        + set.version()).collect(Collectors.joining()));
        int number = 1;
        for (CriteriaMatrix.Row r : m.rows()) {
            List<Object> cells = new ArrayList<>(List.of(number++, "  ".repeat(Math.max(0, r.depth() - 1)) + r.name()
                    + t.pathNote(r), t.get(r.level())));
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

    private Sheet indicatorSheet(CriteriaMatrix.Matrix m, Wording t) {
        Sheet sheet = new Sheet(t.get("indicatorSheet"), List.of(t.get("no"), t.get("unit"), t.get("level"),
                t.get("set"), t.get("criterion"), t.get("indicator"), t.get("content"), t.get("target"),
                t.get("result"), t.get("assessment"), t.get("validOn"), t.get("source")))
                .title(t.get("matrixTitle")).title(t.get("asOf") + " " + Wording.VN_DATE.format(m.asOf()));
        int number = 1;
        boolean en = t.english;
        Catalogue.Versions sets = catalogue.current();
        for (CriteriaMatrix.Row r : m.rows()) {
            for (IndicatorStatusRow i : r.indicators()) {
                String set = i.setVersion() == null ? i.criteriaSet()
                        : i.criteriaSet() + " (" + t.get("version") + " " + i.setVersion() + ")";
                sheet.row(List.of(number++, r.name() + t.pathNote(r), t.get(r.level()), set,
                        i.criterionCode(), i.indicatorCode(), nameOf(sets, i, en), Wording.threshold(i),
                        i.value() == null ? "" : Wording.plain(i.value()),
                        new Sheet.Status(i.status(), t.get(i.status())),
                        Wording.VN_DATE.format(i.validOn()), t.source(i)));
            }
        }
        return sheet;
    }

    private static String nameOf(Catalogue.Versions sets, IndicatorStatusRow i, boolean en) {
        String name = sets.indicatorName(i.criteriaSet(), i.setVersion(), i.indicatorCode(), en ? "en" : "vi");
        return name == null ? "" : name;
    }
}
