package vn.ntm.criteria.imports;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.RecordMeasurementsCommand;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.assessment.query.AssessmentLog;
import vn.ntm.criteria.assessment.rules.RuleBooks;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;
import vn.ntm.criteria.imports.ResultReader.Read;
import vn.ntm.criteria.imports.ResultReader.Refusal;
import vn.ntm.criteria.imports.SpreadsheetLayout.Texts;
import vn.ntm.criteria.unit.KnownUnits;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.web.ActorResolver;
import vn.ntm.support.web.ProblemHandler;

/**
 * A commune officer's spreadsheet: the blank template of a set for a unit and date, and the import of a filled one —
 * previewed row by row (dry run) or recorded as one measurement form, all or nothing (ADR 12).
 *
 * <p>The checks a form gets (unit known and not ended, set published, complete and in force, date not in the future)
 * are made here before the file is read, with the same problem types as the form endpoint; the form command then
 * checks every item again in the aggregate.
 */
@Service
class MeasurementImports {

    /** The note every imported measurement's evidence carries. */
    static final String IMPORTED = "nhập từ bảng tính";
    static final int MAX_DOCUMENT = 200;
    static final int MAX_OFFICE = 200;
    static final int MAX_NOTE = 1800;

    private final KnownUnits units;
    private final CriteriaCatalogue catalogue;
    private final RuleBooks rules;
    private final AssessmentLog log;
    private final CommandGateway commands;
    private final ActorResolver actors;
    private final Clock clock;
    private final MessageSource messages;

    MeasurementImports(KnownUnits units, CriteriaCatalogue catalogue, RuleBooks rules, AssessmentLog log,
                       CommandGateway commands, ActorResolver actors, Clock clock,
                       @Qualifier("problemMessages") MessageSource messages) {
        this.units = units;
        this.catalogue = catalogue;
        this.rules = rules;
        this.log = log;
        this.commands = commands;
        this.actors = actors;
        this.clock = clock;
        this.messages = messages;
    }

    /** A file to download. */
    record Download(String fileName, byte[] bytes, boolean xlsx) {
    }

    /** What the officer sent with the file: evidence for the whole form. */
    record FormFields(String document, String office, String note) {
    }

    // ------------------------------------------------------------------------------------------- the template

    /**
     * The template of the set version in force on {@code on} for the unit as it stood then: every indicator with
     * the threshold that applies to the unit (by region, commune group, special status and year, as the rule book
     * resolves it for the assessment and the standing), unverified ones marked, the result column empty.
     */
    Download template(String unitId, String code, LocalDate on, String format, boolean english) {
        boolean xlsx = switch (format == null ? "xlsx" : format) {
            case "xlsx" -> true;
            case "csv" -> false;
            default -> throw RuleViolation.invalid("import-unknown-format", "format", format);
        };
        KnownUnits.KnownUnit unit = units.findOn(unitId, on)
                .orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
        CriteriaSetId setId = publishedSet(code, false);
        RuleBook book = rules.of(unit, setId);
        checkInForce(book, setId, on);
        CriteriaSetDefinition set = versionOn(setId, on);
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

    // ------------------------------------------------------------------------------------------- the import

    /**
     * Reads the file and classifies every row against the measurement that governs {@code validOn}; unless
     * {@code dryRun}, records the new and changed rows as one form, or nothing when any row is refused
     * ({@link ImportRefused}).
     */
    ImportView importFile(String unitId, String code, LocalDate validOn, boolean dryRun, String fileName,
                          byte[] bytes, FormFields fields) {
        String file = fileName(fileName);
        checkFields(fields);
        KnownUnits.KnownUnit unit = units.findOn(unitId, validOn)
                .orElseThrow(() -> RuleViolation.unknown("unknown-unit", "unitId", unitId));
        if (!unit.existsOn(validOn)) {
            throw RuleViolation.conflict("unit-ended", "validOn", unit.name(), unit.endedOn());
        }
        CriteriaSetId setId = publishedSet(code, true);
        RuleBook book = rules.of(unit, setId);
        if (validOn.isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "validOn", validOn);
        }
        checkInForce(book, setId, validOn);
        CriteriaSetDefinition set = versionOn(setId, validOn);
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
            rows = record(unit, setId, set, validOn, book, rows, evidence(file, fields));
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
        } else if (ResultReader.same(value, governing)) {
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
        List<RecordMeasurementsCommand.Item> items = new ArrayList<>();
        List<Integer> rowOfItem = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportView.RowView row = rows.get(i);
            if (row.value() != null) {
                items.add(new RecordMeasurementsCommand.Item(UUID.randomUUID().toString(), row.indicatorCode(),
                        row.value(), evidence));
                rowOfItem.add(i);
            }
        }
        if (items.isEmpty()) {
            return rows;
        }
        try {
            commands.sendAndWait(new RecordMeasurementsCommand(AssessmentId.of(unit.id(), setId), unit.id(),
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
            done.set(rowOfItem.get(i), row.recorded(items.get(i).measurementId(), now == null ? "UNKNOWN"
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

    /**
     * The form's evidence: the document named, else the file's name; the note says the figures came from a
     * spreadsheet (naming the file when a document was named) and adds the officer's note.
     */
    private static Evidence evidence(String file, FormFields fields) {
        boolean named = fields.document() != null && !fields.document().isBlank();
        String note = IMPORTED + (named ? " " + file : "")
                + (fields.note() != null && !fields.note().isBlank() ? "; " + fields.note().trim() : "");
        String office = fields.office() == null || fields.office().isBlank() ? null : fields.office().trim();
        return new Evidence(named ? fields.document().trim() : file, null, note, office);
    }

    /** The form fields: within their limits, and free of what no text may hold (ProblemHandler's rules). */
    private static void checkFields(FormFields fields) {
        check("document", fields.document(), MAX_DOCUMENT);
        check("office", fields.office(), MAX_OFFICE);
        check("note", fields.note(), MAX_NOTE);
        ProblemHandler.refuseUnstorableValues(fields);
    }

    private static void check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw RuleViolation.invalid("import-field-too-long", field, field, max);
        }
    }

    /** The file's own name (a browser may send a path), readable, at most as long as a document's name may be. */
    private static String fileName(String given) {
        String name = given == null ? "" : given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\'))
                + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cc}\\p{Cf}]", "")
                .replaceAll("\\p{Z}+", " ").trim();
        if (name.isEmpty()) {
            name = "bang-tinh";
        }
        return name.length() <= MAX_DOCUMENT ? name : name.substring(0, MAX_DOCUMENT - 1) + "…";
    }

    // ------------------------------------------------------------------------------------------- shared

    /** @param asInput true for the import (422 when unknown, as the form), false for a download (404) */
    private CriteriaSetId publishedSet(String code, boolean asInput) {
        CriteriaSetDefinition set;
        try {
            set = catalogue.find(new CriteriaSetId(code)).orElse(null);
        } catch (RuleViolation e) {
            set = null;
        }
        if (set == null) {
            throw asInput ? RuleViolation.unknown("unknown-criteria-set", "criteriaSet", code)
                    : RuleViolation.notFound("criteria-set-not-found", code);
        }
        return new CriteriaSetId(set.code());
    }

    /** The set is in force on the date (the refusals quote its dates, as the aggregate's do). */
    private static void checkInForce(RuleBook book, CriteriaSetId set, LocalDate on) {
        if (book.start() == null || on.isBefore(book.start())) {
            throw RuleViolation.invalid("before-set-in-force", "validOn", set.value(), book.start());
        }
        if (book.on(on).isEmpty()) {
            throw RuleViolation.invalid("after-set-superseded", "validOn", set.value(), book.end().minusDays(1));
        }
    }

    /** The version in force on the date, which must be complete to be measured against. */
    private CriteriaSetDefinition versionOn(CriteriaSetId setId, LocalDate on) {
        CriteriaSetDefinition set = catalogue.inForceOn(setId, on)
                .orElseThrow(() -> RuleViolation.invalid("before-set-in-force", "validOn", setId.value(), on));
        if (set.skeleton()) {
            throw RuleViolation.invalid("criteria-set-is-skeleton", "criteriaSet", set.code());
        }
        return set;
    }

    private ImportView.ValueView view(MeasuredValue value, IndicatorKind kind) {
        return value == null ? null : new ImportView.ValueView(value.value(), value.numerator(), value.denominator(),
                value.passed(), written(value, kind));
    }

    private static String written(MeasuredValue value, IndicatorKind kind) {
        return ResultReader.written(value, kind, english());
    }

    /** A reason in the request's language, from the bundles (problem.&lt;type&gt;). */
    String sentence(Refusal refusal) {
        return messages.getMessage("problem." + refusal.type(), refusal.args().toArray(), "problem." + refusal.type(),
                LocaleContextHolder.getLocale());
    }

    static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
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
