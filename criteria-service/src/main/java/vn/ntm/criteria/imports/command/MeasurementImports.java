package vn.ntm.criteria.imports.command;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementId;
import vn.ntm.criteria.assessment.api.RecordMeasurements;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.assessment.query.AssessmentLog;
import vn.ntm.criteria.assessment.command.RuleBooks;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.criteria.imports.command.ResultReader.Read;
import vn.ntm.criteria.imports.command.ResultReader.Refusal;
import vn.ntm.criteria.unit.command.KnownUnits;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.web.ActorResolver;

/**
 * A commune officer's filled-in template ({@link MeasurementTemplates}): read ({@link SpreadsheetParser}), every row
 * classified against the measurement that governs the date, and previewed (dry run) or recorded as one measurement
 * form, all or nothing (ADR 12).
 *
 * <p>The checks a form gets (unit known and not ended, set published, complete and in force, date not in the future)
 * are made here before the file is read, with the same problem types as the form endpoint; the form command then
 * checks every item again in the aggregate.
 */
@Service
public class MeasurementImports {

    private final KnownUnits units;
    private final ImportChecks checks;
    private final RuleBooks rules;
    private final AssessmentLog log;
    private final CommandGateway commands;
    private final ActorResolver actors;
    private final Clock clock;
    private final MessageSource messages;

    MeasurementImports(KnownUnits units, ImportChecks checks, RuleBooks rules, AssessmentLog log,
                       CommandGateway commands, ActorResolver actors, Clock clock,
                       @Qualifier("problemMessages") MessageSource messages) {
        this.units = units;
        this.checks = checks;
        this.rules = rules;
        this.log = log;
        this.commands = commands;
        this.actors = actors;
        this.clock = clock;
        this.messages = messages;
    }

    /** What the officer sent with the file: evidence for the whole form. */
    public record FormFields(String document, String office, String note) {
    }

    /**
     * Reads the file and classifies every row against the measurement that governs {@code validOn}; unless
     * {@code dryRun}, records the new and changed rows as one form, or nothing when any row is refused
     * ({@link ImportRefused}).
     */
    public ImportView importFile(String unitId, String code, LocalDate validOn, boolean dryRun, String fileName,
                          byte[] bytes, FormFields fields) {
        String file = ImportForm.fileName(fileName);
        ImportForm.checkFields(fields);
        KnownUnits.KnownUnit unit = units.findOn(unitId, validOn)
                .orElseThrow(() -> RuleViolation.unknown("unknown-unit", "unitId", unitId));
        if (!unit.existsOn(validOn)) {
            throw RuleViolation.conflict("unit-ended", "validOn", unit.name(), unit.endedOn());
        }
        CriteriaSetId setId = checks.publishedSet(code, true);
        RuleBook book = rules.of(unit, setId);
        if (validOn.isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "validOn", validOn);
        }
        ImportChecks.checkInForce(book, setId, validOn);
        CriteriaSetDefinition set = checks.versionOn(setId, validOn);
        Set<String> names = new LinkedHashSet<>();
        names.add(unit.name());
        units.history(unitId).forEach(version -> names.add(version.unit().name()));

        SpreadsheetParser.Parsed parsed = SpreadsheetParser.parse(bytes, file, new SpreadsheetParser.Expectation(
                set.code(), set.indicators().toList(), names, unit.name(), validOn));
        Map<String, AssessmentLog.Standing> standing = log.standing(unit.id(), set.code(), null, validOn);
        List<ImportView.RowView> rows = new ArrayList<>();
        for (SpreadsheetParser.ParsedRow row : parsed.rows()) {
            rows.add(classify(row, standing.get(row.code()), fields.office()));
        }
        int recorded = 0;
        if (!dryRun) {
            List<ImportView.RowView> refused = rows.stream()
                    .filter(r -> r.classification() == ImportView.Classification.REFUSED).toList();
            if (!refused.isEmpty()) {
                throw new ImportRefused(refused);
            }
            rows = record(unit, setId, set, validOn, book, rows, ImportForm.evidence(file, fields));
            recorded = (int) rows.stream().filter(r -> r.measurementId() != null).count();
        }
        return new ImportView(unit.id(), unit.name(), set.code(), set.version(), validOn, file, parsed.format(),
                parsed.sheet(), dryRun, recorded, ImportView.totals(rows), rows);
    }

    private ImportView.RowView classify(SpreadsheetParser.ParsedRow row, AssessmentLog.Standing standing,
                                        String office) {
        CriteriaSetDefinition.Indicator indicator = row.indicator();
        IndicatorKind kind = indicator == null ? null : indicator.kind();
        MeasuredValue governing = standing == null ? null : standing.value();
        String status = indicator == null ? null : standing == null ? "UNKNOWN" : standing.status();
        ImportView.CurrentView current = governing == null ? null : new ImportView.CurrentView(governing.value(),
                governing.numerator(), governing.denominator(), governing.passed(), written(governing, kind),
                standing.validOn(), standing.measurementId());
        Read read = row.read();
        MeasuredValue value = read.value();
        ImportView.ValueView parsed = view(value, kind);
        ImportView.Classification classification;
        Refusal refusal = read.refusal();
        if (refusal != null) {
            classification = ImportView.Classification.REFUSED;
        } else if (read.empty()) {
            classification = ImportView.Classification.EMPTY;
        } else if (ResultValues.same(value, governing)) {
            classification = ImportView.Classification.UNCHANGED;
        } else if (kind == IndicatorKind.PASS_FAIL && (office == null || office.isBlank())) {
            refusal = Refusal.of("import-office-required", row.code());
            classification = ImportView.Classification.REFUSED;
        } else {
            classification = governing == null ? ImportView.Classification.NEW : ImportView.Classification.CHANGED;
        }
        boolean recordable = classification == ImportView.Classification.NEW
                || classification == ImportView.Classification.CHANGED;
        return new ImportView.RowView(row.row(), row.code(), indicator == null ? null : indicator.nameVi(),
                kind == null ? null : kind.name(), row.text(), parsed, status, current,
                recordable ? parsed : null, classification, refusal == null ? null : refusal.type(),
                refusal == null ? null : sentence(refusal), null, null, recordable ? value : null);
    }

    /** The new and changed rows as one form command; the rows then say what each became. */
    private List<ImportView.RowView> record(KnownUnits.KnownUnit unit, CriteriaSetId setId,
                                            CriteriaSetDefinition set, LocalDate validOn, RuleBook book,
                                            List<ImportView.RowView> rows, Evidence evidence) {
        List<RecordMeasurements.Item> items = new ArrayList<>();
        List<Integer> rowOfItem = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportView.RowView row = rows.get(i);
            if (row.value() != null) {
                items.add(new RecordMeasurements.Item(MeasurementId.IDS.random(), row.indicatorCode(),
                        row.value(), evidence));
                rowOfItem.add(i);
            }
        }
        if (items.isEmpty()) {
            return rows;
        }
        try {
            commands.sendAndWait(new RecordMeasurements(AssessmentId.of(unit.id(), setId), unit.id(),
                    unit.path(), setId, validOn, items, book, actors.current()));
        } catch (RuntimeException e) {
            RuleViolation violation = violation(e);
            if (violation == null || violation.item() == null) {
                throw e;
            }
            // the aggregate refused one item (recorded since the preview, say): the problem names its row
            ImportView.RowView row = rows.get(rowOfItem.get(violation.item().index()));
            Refusal refusal = new Refusal(violation.type(), List.of(violation.args()));
            throw new ImportRefused(List.of(row.refused(refusal.type(), sentence(refusal))));
        }
        Map<String, AssessmentLog.Standing> after = log.standing(unit.id(), set.code(), null, validOn);
        List<ImportView.RowView> done = new ArrayList<>(rows);
        for (int i = 0; i < items.size(); i++) {
            ImportView.RowView row = rows.get(rowOfItem.get(i));
            AssessmentLog.Standing now = after.get(row.indicatorCode());
            done.set(rowOfItem.get(i), row.recorded(items.get(i).measurementId().value(), now == null ? "UNKNOWN"
                    : now.status()));
        }
        return done;
    }

    private static RuleViolation violation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return violation;
            }
        }
        return null;
    }

    private ImportView.ValueView view(MeasuredValue value, IndicatorKind kind) {
        return value == null ? null : new ImportView.ValueView(value.value(), value.numerator(), value.denominator(),
                value.passed(), written(value, kind));
    }

    private static String written(MeasuredValue value, IndicatorKind kind) {
        return ResultValues.written(value, kind, english());
    }

    /** A reason in the request's language, from the bundles (problem.&lt;type&gt;). */
    String sentence(Refusal refusal) {
        return messages.getMessage("problem." + refusal.type(), refusal.args().toArray(), "problem." + refusal.type(),
                LocaleContextHolder.getLocale());
    }

    public static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
