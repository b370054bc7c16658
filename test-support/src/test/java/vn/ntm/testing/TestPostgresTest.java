package vn.ntm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The tests' database server when none answers where NTM_TEST_PG points: an embedded PostgreSQL, and databases that
 * are dropped once their test is done. Before, {@code TestDatabases.create} failed ("Is PostgreSQL running?") on a
 * machine without PostgreSQL at 127.0.0.1:5432, and no database a test created was ever dropped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPostgresTest {

    private int closedPort;
    private TestPostgres postgres;

    @BeforeAll
    void pointAtAPortWhereNothingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        postgres = TestPostgres.at("127.0.0.1:" + closedPort, "postgres");
    }

    @AfterAll
    void stopTheEmbeddedServer() {
        postgres.close();
    }

    @Test
    void startsAnEmbeddedPostgresWhenNothingAnswersAtTheConfiguredAddressAndGivesAWorkingDatabase()
            throws SQLException {
        assertThat(postgres.isEmbedded()).isTrue();
        assertThat(postgres.address()).isNotEqualTo("127.0.0.1:" + closedPort);
        String database = postgres.createDatabase("fallback_it");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(),
                postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table fact (id int primary key, note text)");
            statement.execute("insert into fact values (1, 'ghi nhận')");
            ResultSet read = statement.executeQuery("select note from fact where id = 1");
            assertThat(read.next()).isTrue();
            assertThat(read.getString(1)).isEqualTo("ghi nhận");
        }
        postgres.dropDatabase(database);
        assertThat(postgres.exists(database)).isFalse();
    }

    @Test
    void aFreshDatabaseIsDroppedWhenItsContextClosesEvenWithConnectionsStillOpen() throws SQLException {
        GenericApplicationContext context = new GenericApplicationContext();
        new FreshDatabase(postgres).initialize(context);
        context.refresh();
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        String database = url.substring(url.lastIndexOf('/') + 1);
        assertThat(database).startsWith("service_it_");
        assertThat(postgres.exists(database)).isTrue();
        Connection leftOpen = DriverManager.getConnection(url, postgres.user(), postgres.password());

        context.close();

        assertThat(postgres.exists(database)).isFalse();
        assertThat(postgres.created()).doesNotContain(database);
        assertThatThrownBy(() -> leftOpen.createStatement().execute("select 1")).isInstanceOf(SQLException.class);
    }

    @Test
    void closingStopsTheEmbeddedServerAndDropsWhatIsLeft() throws SQLException {
        TestPostgres own = TestPostgres.embedded();
        String database = own.createDatabase("left_it");
        String url = own.jdbcUrl(database);

        own.close();

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
    }
}
