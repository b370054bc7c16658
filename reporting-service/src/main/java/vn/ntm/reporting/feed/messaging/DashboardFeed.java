package vn.ntm.reporting.feed.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * The province feed: a change folded into the read models is announced on {@code ntm.dashboard} and to every open
 * dashboard, on whichever reporting instance it is connected to, whose caller may see it (ADR 18). The dashboards
 * hear of it through PostgreSQL: the fold's transaction notifies channel {@value #CHANNEL} ({@link #notifyInFold}),
 * PostgreSQL delivers the notification to every listening instance only once the transaction has committed, and each
 * instance's {@link DashboardNotifications} hands it to its own {@link LiveDashboards}; so a dashboard never asks for
 * a change before it is there, and hears of it once. The feed is derived, live data: if Kafka or a browser is
 * unreachable the announcement is dropped and logged, never the change itself, which stays in the read models.
 */
@Component
public class DashboardFeed {

    static final String BINDING = "dashboard-out";
    static final String CHANNEL = "ntm_dashboard";
    /** PostgreSQL refuses a notification payload of 8000 bytes or more. */
    static final int MAX_NOTIFICATION_BYTES = 7999;
    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);

    private final EventPublisher publisher;
    private final JsonMapper json;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DashboardFeed(EventPublisher publisher, JsonMapper json, JdbcTemplate jdbc, Clock clock) {
        this.publisher = publisher;
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What an instance tells its open dashboards of a change: the update's id, the unit and dates that decide who
     * may hear of it, and the {@code DashboardUpdate} envelope as JSON, the event's data.
     */
    record Announcement(String id, String unitId, List<LocalDate> dates, String data) {

        LiveDashboards.Change change() {
            return new LiveDashboards.Change(unitId, dates);
        }
    }

    /**
     * In the fold's transaction: one notification per change of {@code events} for the open dashboards of every
     * instance, sent by PostgreSQL when (and only if) the transaction commits, in this order.
     */
    public void notifyInFold(List<Envelope<?>> events) {
        LocalDate today = LocalDate.now(clock);
        List<String> payloads = new java.util.ArrayList<>();
        for (Envelope<?> source : events) {
            Envelope<DashboardUpdate> envelope = envelopeFor(source);
            if (envelope == null) {
                continue;
            }
            String payload = json.writeValueAsString(new Announcement(envelope.eventId().toString(),
                    source.unitId(), datesOf(source, today), json.writeValueAsString(envelope)));
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_NOTIFICATION_BYTES) {
                LOG.warn("Dashboard update {} too large to notify ({} bytes); open dashboards will not hear of it",
                        envelope.eventId(), payload.length());
                continue;
            }
            payloads.add(payload);
        }
        if (!payloads.isEmpty()) {
            // unnest gives the payloads in their order; the notifications go out in that order on commit
            jdbc.query("select pg_notify(?, p) from unnest(?::text[]) as p", rs -> { },
                    CHANNEL, payloads.toArray(String[]::new));
        }
    }

    /** Publishes a change newly committed to the read models on Kafka ({@code ntm.dashboard}). */
    public void publish(Envelope<?> source) {
        Envelope<DashboardUpdate> envelope = envelopeFor(source);
        if (envelope == null) {
            return;
        }
        UUID id = envelope.eventId();
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
    }

    /** The {@code DashboardUpdate} a change makes, under an id derived from the event's; null: none. */
    private static Envelope<DashboardUpdate> envelopeFor(Envelope<?> source) {
        DashboardUpdate update = updateFor(source);
        if (update == null) {
            return null;
        }
        UUID id = UUID.nameUUIDFromBytes(("dashboard:" + source.eventId()).getBytes(StandardCharsets.UTF_8));
        return Envelope.of(id, source.validOn(), source.recordedAt(), source.actor(), source.unitId(),
                source.unitPath(), update);
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
