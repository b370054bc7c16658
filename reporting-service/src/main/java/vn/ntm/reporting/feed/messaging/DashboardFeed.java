package vn.ntm.reporting.feed.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.DashboardUpdate;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.MeasurementCorrected;
import vn.ntm.contracts.MeasurementRecorded;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.reporting.feed.query.LiveDashboards;
import vn.ntm.support.messaging.EventPublisher;

/**
 * The province feed: once a change is committed to the read models it is announced on {@code ntm.dashboard} and to
 * every open dashboard ({@link LiveDashboards}) whose caller may see it. The feed is derived, live data: if Kafka or a
 * browser is unreachable the announcement is dropped and logged, never the change itself, which stays in the read
 * models.
 */
@Component
public class DashboardFeed {

    static final String BINDING = "dashboard-out";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);

    private final EventPublisher publisher;
    private final JsonMapper json;
    private final LiveDashboards dashboards;
    private final Clock clock;

    DashboardFeed(EventPublisher publisher, JsonMapper json, LiveDashboards dashboards, Clock clock) {
        this.publisher = publisher;
        this.json = json;
        this.dashboards = dashboards;
        this.clock = clock;
    }

    /** Announces a change newly committed to the read models, on Kafka and to the open dashboards. */
    public void announce(Envelope<?> source) {
        DashboardUpdate update = updateFor(source);
        if (update == null) {
            return;
        }
        UUID id = UUID.nameUUIDFromBytes(("dashboard:" + source.eventId()).getBytes(StandardCharsets.UTF_8));
        Envelope<DashboardUpdate> envelope = Envelope.of(id, source.validOn(), source.recordedAt(), source.actor(),
                source.unitId(), source.unitPath(), update);
        // not awaited: the consumer that announces goes on with the next event while Kafka acknowledges this one
        try {
            publisher.send(BINDING, envelope).whenComplete((ok, failed) -> {
                if (failed != null) {
                    LOG.warn("Dashboard update {} not published to Kafka: {}", id, failed.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Dashboard update {} not published to Kafka: {}", id, e.getMessage());
        }
        dashboards.send(new LiveDashboards.Change(source.unitId(), datesOf(source, LocalDate.now(clock))),
                id.toString(), json.writeValueAsString(envelope));
    }

    /**
     * The dates a change concerns, for whom may hear of it: its valid date and, for a status stretch, its last date
     * (today for an open-ended stretch that reaches today). A stretch can begin long before the unit existed (a
     * criterion is UNKNOWN from its set's start) and change what the unit shows today.
     */
    static List<LocalDate> datesOf(Envelope<?> change, LocalDate today) {
        LocalDate first = change.validOn() != null ? change.validOn() : today;
        Object p = change.payload();
        LocalDate until = p instanceof IndicatorStatusChanged c ? c.validUntil()
                : p instanceof CriterionStatusChanged c ? c.validUntil()
                : p instanceof CriteriaSetStatusChanged c ? c.validUntil()
                : first.plusDays(1);
        LocalDate last = until == null ? (today.isAfter(first) ? today : first) : until.minusDays(1);
        return last.isAfter(first) ? List.of(first, last) : List.of(first);
    }

    /**
     * The cell a change concerns. For a status stretch, its status holds from the envelope's valid date until the
     * stretch's end (possibly dates long past); the dashboard reads the statuses of the date it shows again.
     */
    private static DashboardUpdate updateFor(Envelope<?> e) {
        String name = e.unitPath().isEmpty() ? null : e.unitPath().get(e.unitPath().size() - 1).name();
        String type = e.eventType();
        String source = e.eventId().toString();
        Object p = e.payload();
        if (p instanceof UnitRegistered unit) {
            return new DashboardUpdate("UNIT", null, null, null, null, unit.name(), type, source);
        } else if (p instanceof MeasurementRecorded m) {
            return new DashboardUpdate("MEASUREMENT", m.criteriaSetId(), m.indicatorCode(), null, m.value(), name,
                    type, source);
        } else if (p instanceof MeasurementCorrected m) {
            return new DashboardUpdate("MEASUREMENT", m.criteriaSetId(), m.indicatorCode(), null, m.value(), name,
                    type, source);
        } else if (p instanceof IndicatorStatusChanged c) {
            return new DashboardUpdate("INDICATOR", c.criteriaSetId(), c.indicatorCode(), c.status(), c.value(), name,
                    type, source);
        } else if (p instanceof CriterionStatusChanged c) {
            return new DashboardUpdate("CRITERION", c.criteriaSetId(), c.criterionCode(), c.status(), null, name,
                    type, source);
        } else if (p instanceof CriteriaSetStatusChanged c) {
            return new DashboardUpdate("SET", c.criteriaSetId(), null, c.status(), null, name, type, source);
        }
        return null;
    }

}
