package vn.ntm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresIT {

    @TempDir
    Path tempDir;

    @Test
    void usesThePostgresAlreadyRunningOnThisMachine() {
        try (Postgres postgres = Postgres.localOrEmbedded(tempDir.resolve("pgdata"))) {
            assertThat(postgres.isEmbedded()).isFalse();
            assertThat(postgres.describe()).isEqualTo("local PostgreSQL at 127.0.0.1:5432");
            assertThat(tempDir.resolve("pgdata")).doesNotExist();
        }
    }

    @Test
    void createsADatabaseOnceAndDropsIt() throws Exception {
        String database = "launcher_" + UUID.randomUUID().toString().substring(0, 8);
        try (Postgres postgres = Postgres.localOrEmbedded(tempDir.resolve("pgdata"))) {
            postgres.ensureDatabase(database);
            postgres.ensureDatabase(database);
            // An open connection must not prevent the drop: services may still hold a pool.
            try (Connection open = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                    postgres.password())) {
                assertThat(open.isValid(2)).isTrue();
                postgres.dropDatabase(database);
            }
            assertThat(exists(postgres, database)).isFalse();
        }
    }

    @Test
    void anIsolatedServerRestartsWithItsDataAndAcceptsConnectionsAgain() throws Exception {
        try (Postgres postgres = Postgres.isolated(tempDir.resolve("isolated"))) {
            assertThat(postgres.isEmbedded()).isTrue();
            assertThat(postgres.describe()).doesNotEndWith(":5432");
            postgres.ensureDatabase("kept");
            try (Connection before = DriverManager.getConnection(postgres.jdbcUrl("kept"), postgres.user(),
                    postgres.password()); var statement = before.createStatement()) {
                statement.execute("create table fact (id int primary key); insert into fact values (1)");

                assertThat(postgres.restart()).isPositive();

                assertThat(before.isValid(2)).as("a connection from before the restart was cut").isFalse();
            }
            try (Connection after = DriverManager.getConnection(postgres.jdbcUrl("kept"), postgres.user(),
                    postgres.password()); var statement = after.createStatement();
                 var rows = statement.executeQuery("select count(*) from fact")) {
                rows.next();
                assertThat(rows.getInt(1)).as("committed before the restart, there after it").isEqualTo(1);
            }
        }
    }

    private static boolean exists(Postgres postgres, String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(),
                postgres.password());
             var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            return statement.executeQuery().next();
        }
    }
}
