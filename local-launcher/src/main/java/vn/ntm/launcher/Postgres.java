package vn.ntm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server that holds the platform's databases: the one already running on this machine if there is
 * one, otherwise an embedded PostgreSQL from the Maven artifacts, so a JDK is all the platform needs.
 */
public final class Postgres implements AutoCloseable {

    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 5432;
    private static final int EMBEDDED_PORT = 54329;
    /** Database names are spliced into DDL (identifiers cannot be bound), so only plain lowercase ones pass. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    /** Replaced by {@link #restart()}; null for a server that is not ours. */
    private volatile EmbeddedPostgres embedded;
    private final Path embeddedDataDir;

    private Postgres(String host, int port, String user, String password, EmbeddedPostgres embedded,
                     Path embeddedDataDir) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.embeddedDataDir = embeddedDataDir;
    }

    /** Like {@link #localOrEmbedded(Path)}, keeping embedded data in {@code <ntm.home>/.ntm/pgdata}. */
    public static Postgres localOrEmbedded() {
        return localOrEmbedded(Path.of(System.getProperty("ntm.home", ".")).resolve(".ntm").resolve("pgdata"));
    }

    /**
     * The server at {@code NTM_PG_HOST}:{@code NTM_PG_PORT} (default 127.0.0.1:5432, user {@code postgres}, empty
     * password) if it accepts a connection; otherwise an embedded server on port 54329 keeping its data in
     * {@code embeddedDataDir}. When NTM_PG_HOST is set, an unreachable server is an error rather than a reason to
     * fall back: the user asked for that server.
     */
    public static Postgres localOrEmbedded(Path embeddedDataDir) {
        String configuredHost = System.getenv("NTM_PG_HOST");
        Postgres local = new Postgres(
                configuredHost != null ? configuredHost : DEFAULT_HOST,
                Integer.parseInt(System.getenv().getOrDefault("NTM_PG_PORT", String.valueOf(DEFAULT_PORT))),
                System.getenv().getOrDefault("NTM_PG_USER", "postgres"),
                System.getenv().getOrDefault("NTM_PG_PASSWORD", ""),
                null, null);
        SQLException refusal = local.probe();
        if (refusal == null) {
            return local;
        }
        if (configuredHost != null) {
            throw new IllegalStateException("Cannot connect to PostgreSQL at " + local.address()
                    + " (from NTM_PG_HOST): " + refusal.getMessage(), refusal);
        }
        return embedded(embeddedDataDir, EMBEDDED_PORT);
    }

    /**
     * An embedded server of the caller's own, on a free port with its data in {@code dataDir}, whatever else runs on
     * this machine: a test may {@link #restart()} it without disturbing anyone else's databases (the fault suite does).
     */
    public static Postgres isolated(Path dataDir) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for an embedded PostgreSQL", e);
        }
        return embedded(dataDir, port);
    }

    private static Postgres embedded(Path dataDir, int port) {
        return new Postgres(DEFAULT_HOST, port, "postgres", "", startEmbedded(dataDir, port), dataDir);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir, int port) {
        try {
            return EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.toAbsolutePath().toFile())
                    // Keep the data between runs (and across a restart), like a real server would.
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * Stops the embedded server (fast shutdown: open connections are cut, as in an operator's restart) and starts it
     * again on the same port and data. Clients must reconnect; nothing committed is lost.
     *
     * @return how long the server was away
     */
    public synchronized Duration restart() {
        if (embedded == null) {
            throw new IllegalStateException("Only an embedded PostgreSQL can be restarted here; " + describe()
                    + " is not ours");
        }
        long started = System.nanoTime();
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
        embedded = startEmbedded(embeddedDataDir, port);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + address() + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Creates the database unless it exists; safe to call on every start. */
    public void ensureDatabase(String name) {
        requireValidName(name);
        try (Connection connection = connectToMaintenanceDatabase();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (exists.executeQuery().next()) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            // Someone else (a parallel run) created it between the check and the CREATE: that is what we wanted.
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + name + " on " + describe(), e);
            }
        }
    }

    /** Drops the database, closing any connections to it first (services may still hold a pool). */
    public void dropDatabase(String name) {
        requireValidName(name);
        try (Connection connection = connectToMaintenanceDatabase();
             Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + name + " on " + describe(), e);
        }
    }

    public String describe() {
        return (isEmbedded() ? "embedded PostgreSQL at " : "local PostgreSQL at ") + address();
    }

    /** Stops the embedded server; a local server is not ours to stop. */
    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }

    private String address() {
        return host + ":" + port;
    }

    private SQLException probe() {
        try (Connection ignored = connectToMaintenanceDatabase()) {
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private Connection connectToMaintenanceDatabase() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl("postgres"), properties);
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lowercase database name: " + name);
        }
    }
}
