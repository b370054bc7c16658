package vn.ntm.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for each Spring test context (see {@link FreshDatabase}), on the server at {@code NTM_TEST_PG} (default
 * 127.0.0.1:5432, user postgres). Cached contexts then never share Axon token stores or read models.
 */
public final class TestDatabases {

    public static final String SERVER = System.getenv().getOrDefault("NTM_TEST_PG", "127.0.0.1:5432");
    public static final String USER = System.getenv().getOrDefault("NTM_TEST_PG_USER", "postgres");

    private TestDatabases() {
    }

    /** Creates {@code <prefix>_<random>} and returns its JDBC URL. */
    public static String create(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + SERVER
                    + ". Is PostgreSQL running? (see README: Tests)", e);
        }
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }
}
