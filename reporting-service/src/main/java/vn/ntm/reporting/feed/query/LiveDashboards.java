package vn.ntm.reporting.feed.query;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open dashboards (server-sent events) and what each may hear of: a change is sent to those whose caller's scope
 * lets it through. Derived, live data: a browser that is gone is dropped, never the change, which stays in the read
 * models.
 */
@Component
public class LiveDashboards {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDashboards.class);

    private final List<Dashboard> dashboards = new CopyOnWriteArrayList<>();

    /**
     * What a dashboard is told about a change before it is sent to it: the unit concerned and the dates the change
     * concerns (its valid date and, for a status stretch, its last date).
     */
    public record Change(String unitId, List<LocalDate> dates) {
    }

    /** An open dashboard and the changes it may be told about (those of the units its caller's scope covers). */
    private record Dashboard(SseEmitter emitter, Predicate<Change> shown) {
    }

    /**
     * A new open dashboard that hears the changes {@code shown} lets through, until the browser goes away or
     * {@code timeoutMillis} have passed (0: never; the caller's token expiring, for instance).
     */
    public SseEmitter subscribe(Predicate<Change> shown, long timeoutMillis) {
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

    /** Sends {@code json} as an {@code update} event with {@code id} to every dashboard that may hear of it. */
    public void send(Change change, String id, String json) {
        for (Dashboard dashboard : dashboards) {
            if (!shown(dashboard, change)) {
                continue;
            }
            try {
                dashboard.emitter().send(SseEmitter.event().name("update").id(id)
                        .data(json, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                dashboards.remove(dashboard);
            }
        }
    }

    /** Open dashboards reconnect by themselves; on shutdown their streams are closed rather than left hanging. */
    @PreDestroy
    void closeAll() {
        dashboards.forEach(dashboard -> dashboard.emitter().complete());
        dashboards.clear();
    }

    /** Whether the dashboard may hear of the change; when that cannot be decided, it is not told. */
    private static boolean shown(Dashboard dashboard, Change change) {
        try {
            return dashboard.shown().test(change);
        } catch (RuntimeException e) {
            LOG.warn("Dashboard update for {} withheld: its scope could not be checked: {}", change.unitId(),
                    e.toString());
            return false;
        }
    }
}
