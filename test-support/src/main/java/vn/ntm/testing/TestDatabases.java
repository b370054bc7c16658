package vn.ntm.testing;

/**
 * A fresh PostgreSQL database for each Spring test context (see {@link FreshDatabase}), on the server at
 * {@code NTM_TEST_PG} (default 127.0.0.1:5432, user {@code NTM_TEST_PG_USER}, default postgres) when it answers,
 * otherwise on one embedded PostgreSQL started for the whole test JVM ({@link TestPostgres}). Cached contexts then
 * never share Axon token stores or read models; each database is dropped when its context closes.
 */
public final class TestDatabases {

    public static final String SERVER = System.getenv().getOrDefault("NTM_TEST_PG", "127.0.0.1:5432");
    public static final String USER = System.getenv().getOrDefault("NTM_TEST_PG_USER", "postgres");

    private static TestPostgres server;

    private TestDatabases() {
    }

    /**
     * The server of this test JVM, found (or started) on first use. An embedded one is never stopped from here: it
     * stops after this JVM has exited, so after every Spring context of the JVM has closed.
     */
    public static synchronized TestPostgres server() {
        if (server == null) {
            server = TestPostgres.at(SERVER, USER);
        }
        return server;
    }

    /** Creates {@code <prefix>_<random>} and returns its JDBC URL; {@link #drop(String)} it when done. */
    public static String create(String prefix) {
        return server().jdbcUrl(server().createDatabase(prefix));
    }

    /** Drops a database {@link #create(String)} made, given its JDBC URL. */
    public static void drop(String jdbcUrl) {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = database.indexOf('?');
        server().dropDatabase(query < 0 ? database : database.substring(0, query));
    }
}
