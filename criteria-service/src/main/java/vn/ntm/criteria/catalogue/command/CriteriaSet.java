package vn.ntm.criteria.catalogue.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ntm.criteria.catalogue.api.AmendCriteriaSet;
import vn.ntm.criteria.catalogue.api.CriteriaSetAmended;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.CriteriaSetPublished;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.criteria.catalogue.api.PublishCriteriaSet;
import vn.ntm.support.rules.RuleViolation;

/** A criteria set (bộ tiêu chí), published by a provincial administrator as data. */
@Aggregate
class CriteriaSet {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private CriteriaSetId id;
    private int version;
    private java.time.LocalDate effectiveFrom;

    CriteriaSet() {
        // for Axon
    }

    @CommandHandler
    CriteriaSet(PublishCriteriaSet command, CriteriaSetLookup catalogue) {
        CriteriaSetDefinition definition = command.definition();
        if (catalogue.exists(command.criteriaSetId())) {
            throw RuleViolation.conflict("criteria-set-already-published", "code", command.criteriaSetId().value());
        }
        if (definition.version() != 1) {
            throw RuleViolation.invalid("first-version-must-be-1", "version", definition.version());
        }
        if (definition.effectiveTo() != null && definition.effectiveTo().isBefore(definition.effectiveFrom())) {
            throw RuleViolation.invalid("effective-to-before-from", "effectiveTo");
        }
        checkHasCriteria(definition);
        checkCodesAreUnique(definition);
        definition.indicators().forEach(CriteriaSet::checkIndicator);
        apply(new CriteriaSetPublished(command.criteriaSetId(), definition, command.actor()));
    }

    @CommandHandler
    void handle(AmendCriteriaSet command) {
        CriteriaSetDefinition definition = command.definition();
        if (definition.version() != version + 1) {
            throw RuleViolation.invalid("next-version-expected", "version", version + 1, definition.version());
        }
        if (!definition.effectiveFrom().isAfter(effectiveFrom)) {
            throw RuleViolation.invalid("amendment-must-start-later", "effectiveFrom", effectiveFrom);
        }
        if (definition.effectiveTo() != null && definition.effectiveTo().isBefore(definition.effectiveFrom())) {
            throw RuleViolation.invalid("effective-to-before-from", "effectiveTo");
        }
        checkHasCriteria(definition);
        checkCodesAreUnique(definition);
        definition.indicators().forEach(CriteriaSet::checkIndicator);
        apply(new CriteriaSetAmended(command.criteriaSetId(), definition, command.actor()));
    }

    /** Only a skeleton (structure not yet known) may come without criteria: a complete set with none means nothing. */
    private static void checkHasCriteria(CriteriaSetDefinition definition) {
        if (!definition.skeleton() && definition.criteria().isEmpty()) {
            throw RuleViolation.invalid("empty-criteria-set", "criteria", definition.code());
        }
    }

    private static void checkCodesAreUnique(CriteriaSetDefinition definition) {
        Set<String> criteria = new HashSet<>();
        definition.criteria().forEach(c -> {
            if (!criteria.add(c.code())) {
                throw RuleViolation.invalid("duplicate-code", "criteria", c.code());
            }
        });
        Set<String> indicators = new HashSet<>();
        definition.indicators().forEach(i -> {
            if (!indicators.add(i.code())) {
                throw RuleViolation.invalid("duplicate-code", "indicators", i.code());
            }
        });
    }

    private static void checkIndicator(CriteriaSetDefinition.Indicator indicator) {
        boolean compared = indicator.kind() == IndicatorKind.NUMBER || indicator.kind() == IndicatorKind.RATE;
        if (compared && indicator.comparator() == null) {
            throw RuleViolation.invalid("comparator-required", "comparator", indicator.code());
        }
        if (indicator.kind() == IndicatorKind.PASS_FAIL && !indicator.thresholds().isEmpty()) {
            throw RuleViolation.invalid("pass-fail-has-no-threshold", "thresholds", indicator.code());
        }
        for (CriteriaSetDefinition.Threshold threshold : indicator.thresholds()) {
            boolean relative = threshold.relativeTo() != null;
            if (relative == (threshold.value() != null) || relative != (threshold.factor() != null)
                    || relative && threshold.factor().signum() <= 0) {
                throw RuleViolation.invalid("threshold-value-or-relative", "thresholds", indicator.code());
            }
            if (relative) {
                continue;
            }
            if (indicator.kind() == IndicatorKind.RATE
                    && (threshold.value().signum() < 0 || threshold.value().compareTo(HUNDRED) > 0)) {
                throw RuleViolation.invalid("rate-threshold-out-of-range", "thresholds", indicator.code());
            }
            if (indicator.kind() == IndicatorKind.MUST_BE_NONE && threshold.value().signum() != 0) {
                throw RuleViolation.invalid("must-be-none-threshold", "thresholds", indicator.code());
            }
        }
    }

    @EventSourcingHandler
    void on(CriteriaSetPublished event) {
        this.id = event.criteriaSetId();
        this.version = event.definition().version();
        this.effectiveFrom = event.definition().effectiveFrom();
    }

    @EventSourcingHandler
    void on(CriteriaSetAmended event) {
        this.version = event.definition().version();
        this.effectiveFrom = event.definition().effectiveFrom();
    }
}
