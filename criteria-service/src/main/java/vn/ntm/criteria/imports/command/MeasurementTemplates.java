package vn.ntm.criteria.imports.command;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.assessment.command.RuleBooks;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.criteria.imports.command.SpreadsheetLayout.Texts;
import vn.ntm.criteria.unit.command.KnownUnits;
import vn.ntm.support.rules.RuleViolation;

/**
 * The blank template of a set for a unit and a date: the form a spreadsheet import fills in, in the progress report's
 * layout ({@link SpreadsheetLayout}, written by {@link TemplateWriter}). It lives beside the import because both
 * share that layout: what the template writes, the parser reads back.
 */
@Service
public class MeasurementTemplates {

    private final KnownUnits units;
    private final RuleBooks rules;
    private final ImportChecks checks;

    MeasurementTemplates(KnownUnits units, RuleBooks rules, ImportChecks checks) {
        this.units = units;
        this.rules = rules;
        this.checks = checks;
    }


    /** A file to download. */
    public record Download(String fileName, byte[] bytes, boolean xlsx) {
    }

    /**
     * The template of the set version in force on {@code on} for the unit as it stood then: every indicator with
     * the threshold that applies to the unit (by region, commune group, special status and year, as the rule book
     * resolves it for the assessment and the standing), unverified ones marked, the result column empty.
     */
    public Download template(String unitId, String code, LocalDate on, String format, boolean english) {
        boolean xlsx = switch (format == null ? "xlsx" : format) {
            case "xlsx" -> true;
            case "csv" -> false;
            default -> throw RuleViolation.invalid("import-unknown-format", "format", format);
        };
        KnownUnits.KnownUnit unit = units.findOn(unitId, on)
                .orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
        CriteriaSetId setId = checks.publishedSet(code, false);
        RuleBook book = rules.of(unit, setId);
        ImportChecks.checkInForce(book, setId, on);
        CriteriaSetDefinition set = checks.versionOn(setId, on);
        Map<String, IndicatorRule> rulesOn = book.on(on).orElseThrow().rules();
        Texts t = english ? SpreadsheetLayout.EN : SpreadsheetLayout.VI;
        List<String> title = List.of(
                t.reportTitle() + " " + (english && set.titleEn() != null ? set.titleEn() : set.titleVi()) + " ("
                        + t.version() + " " + set.version() + ")",
                (t.levels().getOrDefault(unit.level(), "") + " " + unit.name()).trim(),
                t.asOf() + " " + SpreadsheetLayout.VN_DATE.format(on)
                        + (set.legalBasis() == null ? "" : " — " + set.legalBasis()));
        List<TemplateWriter.Line> lines = new ArrayList<>();
        int number = 1;
        for (CriteriaSetDefinition.Criterion criterion : set.criteria()) {
            lines.add(new TemplateWriter.Criterion(number++, criterion.code() + ". "
                    + name(criterion.nameVi(), criterion.nameEn(), english)));
            for (CriteriaSetDefinition.Indicator indicator : criterion.indicators()) {
                IndicatorRule rule = rulesOn.get(indicator.code());
                lines.add(new TemplateWriter.Indicator(indicator.code(),
                        name(indicator.nameVi(), indicator.nameEn(), english), target(indicator, rule, english),
                        source(indicator, rule, t)));
            }
        }
        TemplateWriter.Template template = new TemplateWriter.Template(t, title, lines);
        String name = "mau-nhap-" + slug(unit.name()) + "-" + on + (xlsx ? ".xlsx" : ".csv");
        return new Download(name, xlsx ? TemplateWriter.xlsx(template) : TemplateWriter.csv(template), xlsx);
    }

    /** "≥ 98 % households" as reporting-service writes a target; a pass/fail indicator's target is "Đạt". */
    private static String target(CriteriaSetDefinition.Indicator indicator, IndicatorRule rule, boolean english) {
        if (indicator.kind() == IndicatorKind.PASS_FAIL) {
            return english ? "Met" : "Đạt";
        }
        if (rule == null || rule.threshold() == null) {
            return "";
        }
        String op = rule.comparator() != null ? rule.comparator().symbol() : "=";
        return op + " " + rule.threshold().stripTrailingZeros().toPlainString()
                + (rule.unit() == null ? "" : " " + rule.unit());
    }

    private static String source(CriteriaSetDefinition.Indicator indicator, IndicatorRule rule, Texts t) {
        String source = rule != null ? rule.thresholdSource() : indicator.source();
        boolean verified = rule != null ? rule.thresholdVerified() : indicator.verified();
        source = source == null ? "" : source;
        return verified ? source : (source + " " + t.unverified()).trim();
    }


    private static String name(String vi, String en, boolean english) {
        return english && en != null ? en : vi == null ? "" : vi;
    }


    /** A file-name-safe ASCII form of a Vietnamese name: "Song Vân" → "song-van" (as reporting's exports). */
    static String slug(String name) {
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
