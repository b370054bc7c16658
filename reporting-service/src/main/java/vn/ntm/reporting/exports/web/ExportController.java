package vn.ntm.reporting.exports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.reporting.access.query.CallerScope;
import vn.ntm.reporting.exports.query.ExportFile;
import vn.ntm.reporting.exports.query.MatrixExport;
import vn.ntm.reporting.exports.query.ProgressReportExport;
import vn.ntm.reporting.matrix.query.CriteriaMatrix;
import vn.ntm.reporting.matrix.web.ReportQuery;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.Role;

/**
 * Downloads in the layout Vietnamese offices exchange: the criteria matrix, and a commune's progress report (summary
 * table: criterion, indicator, target, result, đạt / chưa đạt), built by {@link MatrixExport} and
 * {@link ProgressReportExport}. XLSX through Apache POI, or CSV in UTF-8. Vietnamese
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

    private final MatrixExport matrix;
    private final ProgressReportExport report;
    private final CallerScope scope;
    private final Clock clock;

    ExportController(MatrixExport matrix, ProgressReportExport report, CallerScope scope, Clock clock) {
        this.matrix = matrix;
        this.report = report;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/matrix.{format}")
    @Operation(summary = "The criteria matrix of a subtree as XLSX (two sheets: criteria, indicators) or CSV "
            + "(indicators)", description = "Same parameters as GET /api/matrix; format is xlsx or csv.")
    ResponseEntity<byte[]> matrix(@PathVariable String format, @ParameterObject ReportQuery query,
                                  @RequestParam(required = false) String lang) {
        CriteriaMatrix.Query q = query.resolve(clock);
        return download(matrix.matrix(q, q.root() != null ? unit -> true : scope.covering(q.asOf()), format,
                language(lang)));
    }

    @GetMapping("/progress-report.{format}")
    @Operation(summary = "A unit's progress report against a criteria set, as XLSX or CSV",
            description = "The summary table offices exchange: STT, criterion, indicator, target, result, assessment "
                    + "(Đạt / Chưa đạt), criterion by criterion, with the number of criteria met. unit is required; "
                    + "criteriaSet defaults to the first set the unit has statuses in.")
    ResponseEntity<byte[]> progressReport(@PathVariable String format, @ParameterObject ReportQuery query,
                                          @RequestParam(required = false) String lang) {
        return download(report.report(query.resolve(clock), format, language(lang)));
    }

    /** {@code lang} when given, else the request's language ({@code Accept-Language}). */
    private static String language(String lang) {
        return lang != null ? lang : LocaleContextHolder.getLocale().getLanguage();
    }

    private static ResponseEntity<byte[]> download(ExportFile file) {
        return ResponseEntity.ok().contentType(file.format().equals("xlsx") ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .body(file.body());
    }
}
