package vn.ntm.reporting.feed.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.reporting.feed.query.LiveDashboards;

/**
 * Listens on PostgreSQL's channel {@value DashboardFeed#CHANNEL} and tells this instance's open dashboards of every
 * change any instance folded (ADR 18): each notification arrives once per listening connection, only after the fold
 * committed. A connection of its own (not the pool's, which it would hold forever) that reconnects when the
 * database went away, e.g. restarted; what was announced while it was away is not heard again (the feed is live
 * data, the read models have it). Quiet for a while, it checks the connection with a query, so a connection lost
 * without a word is noticed too.
 */
@Component
class DashboardNotifications implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardNotifications.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration CHECK_WHEN_QUIET = Duration.ofSeconds(10);
    private static final Duration RECONNECT_FIRST = Duration.ofMillis(500);
    private static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(5);

    private final DataSourceProperties database;
    private final JsonMapper json;
    private final LiveDashboards dashboards;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    DashboardNotifications(DataSourceProperties database, JsonMapper json, LiveDashboards dashboards) {
        this.database = database;
        this.json = json;
        this.dashboards = dashboards;
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "dashboard-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeQuietly(connection);
        if (listener != null) {
            try {
                listener.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Connects, listens and hands on notifications until stopped; after a failure it connects again, backing off. */
    private void listen() {
        Duration backOff = RECONNECT_FIRST;
        while (running) {
            try (Connection c = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
                    database.determinePassword())) {
                connection = c;
                try (Statement listen = c.createStatement()) {
                    listen.execute("listen " + DashboardFeed.CHANNEL);
                }
                LOG.info("Listening for dashboard updates on PostgreSQL channel {}", DashboardFeed.CHANNEL);
                backOff = RECONNECT_FIRST;
                relay(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Dashboard notifications interrupted ({}); connecting again in {} ms", e.getMessage(),
                        backOff.toMillis());
                LockSupport.parkNanos(backOff.toNanos());
                backOff = backOff.multipliedBy(2).compareTo(RECONNECT_AT_MOST) > 0 ? RECONNECT_AT_MOST
                        : backOff.multipliedBy(2);
            }
        }
    }

    private void relay(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    announce(notification.getParameter());
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK_WHEN_QUIET.toNanos()) {
                try (Statement check = c.createStatement()) {
                    check.execute("select 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void announce(String payload) {
        try {
            DashboardFeed.Announcement announcement = json.readValue(payload, DashboardFeed.Announcement.class);
            dashboards.send(announcement.change(), announcement.id(), announcement.data());
        } catch (RuntimeException e) {
            LOG.warn("Dashboard notification not relayed: {}", e.toString());
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a connection that is gone already
        }
    }
}
