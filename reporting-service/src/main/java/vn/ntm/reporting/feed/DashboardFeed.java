package vn.ntm.reporting.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.DashboardUpdate;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.MeasurementCorrected;
import vn.ntm.contracts.MeasurementRecorded;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.support.messaging.EventPublisher;

/**
 * The province feed: once a change is committed to the read models it is announced on {@code ntm.dashboard} and to
 * every open dashboard (server-sent events). The feed is derived, live data: if Kafka or a browser is unreachable
 * the announcement is dropped and logged, never the change itself, which stays in the read models.
 */
@Component
public class DashboardFeed {

    static final String BINDING = "dashboard-out";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardFeed.class);

    private final List<Dashboard> dashboards = new CopyOnWriteArrayList<>();
    private final EventPublisher publisher;
    private final JsonMapper json;

    DashboardFeed(EventPublisher publisher, JsonMapper json) {
        this.publisher = publisher;
        this.json = json;
    }

    /** An open dashboard and the changes it may be told about (those of the units its caller's scope covers). */
    private record Dashboard(SseEmitter emitter, Predicate<Envelope<?>> shown) {
    }

    /** A new open dashboard that hears every change; it stays subscribed until the browser goes away. */
    public SseEmitter subscribe() {
        return subscribe(change -> true, 0L);
    }

    /**
     * A new open dashboard that hears the changes {@code shown} lets through, until the browser goes away or
     * {@code timeoutMillis} have passed (0: never; the caller's token expiring, for instance).
     */
    public SseEmitter subscribe(Predicate<Envelope<?>> shown, long timeoutMillis) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Dashboard dashboard = new Dashboard(emitter, shown);
        dashboards.add(dashboard);
        emitter.onCompletion(() -> dashboards.remove(dashboard));
        emitter.onTimeout(() -> dashboards.remove(dashboard));
        emitter.onError(e -> dashboards.remove(dashboard));
        try {
            // a first comment flushes the response headers, so the browser knows at once that it is connected
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            dashboards.remove(dashboard);
        }
        return emitter;
    }

    /** Open dashboards reconnect by themselves; on shutdown their streams are closed rather than left hanging. */
    @PreDestroy
    void closeAll() {
        dashboards.forEach(dashboard -> dashboard.emitter().complete());
        dashboards.clear();
    }

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
        String data = json.writeValueAsString(envelope);
        for (Dashboard dashboard : dashboards) {
            if (!shown(dashboard, source)) {
                continue;
            }
            try {
                dashboard.emitter().send(SseEmitter.event().name("update").id(id.toString())
                        .data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                dashboards.remove(dashboard);
            }
        }
    }

    /** Whether the dashboard may hear of the change; when that cannot be decided, it is not told. */
    private static boolean shown(Dashboard dashboard, Envelope<?> change) {
        try {
            return dashboard.shown().test(change);
        } catch (RuntimeException e) {
            LOG.warn("Dashboard update for {} withheld: its scope could not be checked: {}", change.unitId(),
                    e.toString());
            return false;
        }
    }

    /**
     * The dates a change concerns, for whom may hear of it: its valid date and, for a status stretch, its last date
     * (today for an open-ended stretch that reaches today). A stretch can begin long before the unit existed (a
     * criterion is UNKNOWN from its set's start) and change what the unit shows today.
     */
    public static List<LocalDate> datesOf(Envelope<?> change, LocalDate today) {
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
