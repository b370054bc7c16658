package vn.ntm.reporting.statuses.messaging;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.MeasurementCorrected;
import vn.ntm.contracts.MeasurementRecorded;
import vn.ntm.contracts.MeasurementRetracted;
import vn.ntm.contracts.StatusCause;

/**
 * Folds criteria events into the status timelines ({@code status_history} for indicators, {@code rollup_status_history}
 * for criteria and whole sets), the measurement log and the catalogue (every version of every set), which
 * {@code statuses.query} reads. Rows are only ever inserted: a stretch recorded later replaces, for its dates, what was
 * known before when read, never in the table.
 */
@Component
public class StatusFold {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    /** The inserts of the fold running on this thread under {@link #batched}, by statement; none when live. */
    private final ThreadLocal<Map<String, List<Object[]>>> batch = new ThreadLocal<>();

    StatusFold(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Runs {@code fold} with this projection's history inserts collected per statement and sent as JDBC batches at
     * its end, in the caller's transaction. For a whole poll folded in one transaction (the replay and, since ADR 13,
     * the live consumers): the history tables only grow and nothing reads them during a fold, so the order between
     * tables does not matter, while each insert on its own cost a round trip. Within a table the rows are inserted in
     * the order folded, so their arrival sequence keeps the order of the stretches.
     */
    public void batched(Runnable fold) {
        Map<String, List<Object[]>> inserts = new LinkedHashMap<>();
        batch.set(inserts);
        try {
            fold.run();
        } finally {
            batch.remove();
        }
        inserts.forEach(jdbc::batchUpdate);
    }

    private void insert(String sql, Object... args) {
        Map<String, List<Object[]>> inserts = batch.get();
        if (inserts == null) {
            jdbc.update(sql, args);
        } else {
            inserts.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        }
    }

    public void apply(Envelope<?> envelope) {
        Object payload = envelope.payload();
        if (payload instanceof CriteriaSetPublished set) {
            // every version is kept; a version is published once (a redelivery has the same event id)
            jdbc.update("""
                    insert into criteria_set_view (code, version, title_vi, title_en, level, legal_basis,
                                                   effective_from, effective_to, catalogue, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                    on conflict (code, version) do nothing""",
                    set.code(), set.version(), set.titleVi(), set.titleEn(), set.level(), set.legalBasis(),
                    set.effectiveFrom(), set.effectiveTo(), json.writeValueAsString(set.criteria()),
                    Timestamp.from(envelope.recordedAt()));
        } else if (payload instanceof MeasurementRecorded m) {
            insert("""
                    insert into measurement_history (event_id, unit_id, criteria_set, indicator_code, measurement_id,
                        value, numerator, denominator, passed, evidence_document, valid_on, recorded_at,
                        actor_subject, actor_role)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    envelope.eventId(), UUID.fromString(envelope.unitId()), m.criteriaSetId(), m.indicatorCode(),
                    m.measurementId(), m.value(), m.numerator(), m.denominator(), m.passed(), m.evidenceDocument(),
                    envelope.validOn(), Timestamp.from(envelope.recordedAt()), subject(envelope), role(envelope));
        } else if (payload instanceof IndicatorStatusChanged c) {
            insert("""
                    insert into status_history (event_id, unit_id, criteria_set, criterion_code, indicator_code,
                        status, value, comparator, threshold, unit, threshold_verified, threshold_source,
                        cause_measurement, cause_kind, set_version, valid_on, valid_until, recorded_at, actor_subject,
                        actor_role)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    envelope.eventId(), UUID.fromString(envelope.unitId()), c.criteriaSetId(), c.criterionCode(),
                    c.indicatorCode(), c.status(), c.value(), c.comparator(), c.threshold(), c.unit(),
                    c.thresholdVerified(), c.thresholdSource(), c.governingMeasurementId(), kind(c.cause()),
                    version(c.setVersion()), envelope.validOn(), c.validUntil(),
                    Timestamp.from(envelope.recordedAt()), subject(envelope), role(envelope));
        } else if (payload instanceof CriterionStatusChanged c) {
            rollup(envelope, c.criteriaSetId(), c.criterionCode(), c.status(), c.validUntil(), null, null,
                    c.setVersion(), c.cause());
        } else if (payload instanceof CriteriaSetStatusChanged c) {
            rollup(envelope, c.criteriaSetId(), null, c.status(), c.validUntil(), c.criteriaMet(), c.criteriaTotal(),
                    c.setVersion(), c.cause());
        } else if (payload instanceof MeasurementCorrected c) {
            amendment(envelope, c.measurementId(), "CORRECTED", c.value(), c.numerator(), c.denominator(), c.passed(),
                    c.reason());
        } else if (payload instanceof MeasurementRetracted r) {
            amendment(envelope, r.measurementId(), "RETRACTED", null, null, null, null, r.reason());
        }
    }

    private void rollup(Envelope<?> envelope, String set, String criterion, String status, LocalDate validUntil,
                        Integer met, Integer total, int setVersion, StatusCause cause) {
        insert("""
                insert into rollup_status_history (event_id, unit_id, criteria_set, criterion_code, status,
                    criteria_met, criteria_total, cause_measurement, cause_kind, set_version, valid_on, valid_until,
                    recorded_at, actor_subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), UUID.fromString(envelope.unitId()), set, criterion, status, met, total,
                cause == null ? null : cause.measurementId(), kind(cause), version(setVersion), envelope.validOn(),
                validUntil, Timestamp.from(envelope.recordedAt()), subject(envelope));
    }

    private void amendment(Envelope<?> envelope, String measurementId, String kind, BigDecimal value, Long numerator,
                           Long denominator, Boolean passed, String reason) {
        insert("""
                insert into measurement_amendment (event_id, unit_id, measurement_id, kind, value, numerator,
                    denominator, passed, reason, valid_on, recorded_at, actor_subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), UUID.fromString(envelope.unitId()), measurementId, kind, value, numerator,
                denominator, passed, reason, envelope.validOn(), Timestamp.from(envelope.recordedAt()),
                subject(envelope));
    }

    /** Version 1 of a criterion's or a set's change named no set version (0 after upcasting): none is stored. */
    private static Integer version(int setVersion) {
        return setVersion > 0 ? setVersion : null;
    }

    private static String kind(StatusCause cause) {
        return cause == null || cause.kind() == null ? StatusCause.LEGACY : cause.kind();
    }

    private static String subject(Envelope<?> envelope) {
        return envelope.actor() == null ? null : envelope.actor().subject();
    }

    private static String role(Envelope<?> envelope) {
        return envelope.actor() == null ? null : envelope.actor().role();
    }
}
