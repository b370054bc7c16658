package vn.ntm.criteria.catalogue.command;

import static org.hamcrest.Matchers.containsString;
import static vn.ntm.criteria.Fixtures.OFFICER;

import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.criteria.Fixtures;
import vn.ntm.criteria.catalogue.api.AmendCriteriaSet;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.CriteriaSetAmended;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.CriteriaSetPublished;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.criteria.catalogue.api.PublishCriteriaSet;
import vn.ntm.support.rules.RuleViolation;

class CriteriaSetTest {

    private static final CriteriaSetId ID = new CriteriaSetId("TEST-SET");
    private AggregateTestFixture<CriteriaSet> fixture;
    private CriteriaSetDefinition published;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CriteriaSet.class);
        fixture.registerInjectableResource((CriteriaSetLookup) id -> Optional.ofNullable(
                published != null && id.value().equals(published.code()) ? published : null));
    }

    @Test
    void publishesANewSet() {
        CriteriaSetDefinition definition = Fixtures.definition("TEST-SET", List.of(
                Fixtures.indicator("4.2", IndicatorKind.RATE, Comparator.GE,
                        List.of(Fixtures.threshold("TDMNPB", null, null, "98")))));
        fixture.givenNoPriorActivity()
                .when(new PublishCriteriaSet(ID, definition, OFFICER))
                .expectEvents(new CriteriaSetPublished(ID, definition, OFFICER));
    }

    @Test
    void cannotPublishTheSameSetTwice() {
        published = Fixtures.definition("TEST-SET", List.of());
        refused(Fixtures.definition("TEST-SET", List.of()), "criteria-set-already-published");
    }

    @Test
    void cannotUseAnIndicatorCodeTwice() {
        var indicator = Fixtures.indicator("4.1", IndicatorKind.PASS_FAIL, null, List.of());
        refused(Fixtures.definition("TEST-SET", List.of(indicator, indicator)), "duplicate-code");
    }

    @Test
    void aNumericIndicatorNeedsAComparator() {
        refused(Fixtures.definition("TEST-SET", List.of(Fixtures.indicator("10", IndicatorKind.NUMBER, null, List.of()))),
                "comparator-required");
    }

    @Test
    void aRateThresholdCannotExceed100() {
        refused(Fixtures.definition("TEST-SET", List.of(Fixtures.indicator("4.2", IndicatorKind.RATE, Comparator.GE,
                List.of(Fixtures.threshold(null, null, null, "101"))))), "rate-threshold-out-of-range");
    }

    @Test
    void aPassFailIndicatorHasNoNumericThreshold() {
        refused(Fixtures.definition("TEST-SET", List.of(Fixtures.indicator("4.1", IndicatorKind.PASS_FAIL, null,
                List.of(Fixtures.threshold(null, null, null, "1"))))), "pass-fail-has-no-threshold");
    }

    @Test
    void aThresholdIsEitherAValueOrAMultipleOfAnotherThreshold() {
        var both = new CriteriaSetDefinition.Threshold(null, null, null, java.math.BigDecimal.ONE,
                new CriteriaSetDefinition.RelativeTo("OTHER", "10"), new java.math.BigDecimal("1.1"), false, "x");
        refused(Fixtures.definition("TEST-SET", List.of(Fixtures.indicator("KM2", IndicatorKind.NUMBER, Comparator.GE,
                List.of(both)))), "threshold-value-or-relative");
        var noFactor = new CriteriaSetDefinition.Threshold(null, null, null, null,
                new CriteriaSetDefinition.RelativeTo("OTHER", "10"), null, false, "x");
        refused(Fixtures.definition("TEST-SET", List.of(Fixtures.indicator("KM2", IndicatorKind.NUMBER, Comparator.GE,
                List.of(noFactor)))), "threshold-value-or-relative");
    }

    @Test
    void amendsWithTheNextVersionTakingEffectLater() {
        CriteriaSetDefinition first = Fixtures.definition("TEST-SET", List.of());
        CriteriaSetDefinition second = version(2, first.effectiveFrom().plusYears(1));
        fixture.given(new CriteriaSetPublished(ID, first, OFFICER))
                .when(new AmendCriteriaSet(ID, second, OFFICER))
                .expectEvents(new CriteriaSetAmended(ID, second, OFFICER));
    }

    @Test
    void cannotSkipAVersion() {
        CriteriaSetDefinition first = Fixtures.definition("TEST-SET", List.of());
        fixture.given(new CriteriaSetPublished(ID, first, OFFICER))
                .when(new AmendCriteriaSet(ID, version(3, first.effectiveFrom().plusYears(1)), OFFICER))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("next-version-expected"))
                .expectNoEvents();
    }

    @Test
    void anAmendmentCannotTakeEffectBeforeTheVersionInForce() {
        CriteriaSetDefinition first = Fixtures.definition("TEST-SET", List.of());
        fixture.given(new CriteriaSetPublished(ID, first, OFFICER))
                .when(new AmendCriteriaSet(ID, version(2, first.effectiveFrom()), OFFICER))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("amendment-must-start-later")).expectNoEvents();
    }

    private static CriteriaSetDefinition version(int version, java.time.LocalDate from) {
        CriteriaSetDefinition d = Fixtures.definition("TEST-SET", List.of());
        return new CriteriaSetDefinition(d.code(), version, d.titleVi(), d.titleEn(), d.level(), d.scope(),
                d.legalBasis(), from, null, d.provenance(), false, d.criteria());
    }

    private void refused(CriteriaSetDefinition definition, String rule) {
        fixture.givenNoPriorActivity()
                .when(new PublishCriteriaSet(ID, definition, OFFICER))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(rule))
                .expectNoEvents();
    }
}
