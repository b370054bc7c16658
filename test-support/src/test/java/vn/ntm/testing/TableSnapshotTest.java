package vn.ntm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The proof that a request wrote nothing ({@link TableSnapshot}), on a real PostgreSQL database: what it must see and
 * what it may leave out.
 */
class TableSnapshotTest {

    private String url;
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshDatabase() {
        url = TestDatabases.create("snapshot_test");
        TestPostgres server = TestDatabases.server();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url, server.user(), server.password()));
        jdbc.execute("create table unit_directory (id int primary key, name text)");
        jdbc.execute("insert into unit_directory values (1, 'Song Vân'), (2, 'Tân Yên')");
        jdbc.execute("create table token_entry (processor_name text, segment int, token bytea, token_type text,"
                + " owner text, \"timestamp\" text, primary key (processor_name, segment))");
        jdbc.execute("insert into token_entry values ('kafka-publisher', 0, null, null, 'a', '2026-01-01T00:00:00Z')");
    }

    @AfterEach
    void dropIt() {
        TestDatabases.drop(url);
    }

    @Test
    void aChangedValueShowsThoughTheRowCountStaysTheSame() {
        // catches a snapshot of row counts only: an update writes without adding a row
        TableSnapshot tables = TableSnapshot.of(jdbc);
        Map<String, String> before = tables.take();

        jdbc.update("update unit_directory set name = 'Song Van' where id = 1");

        Map<String, String> after = tables.take();
        assertThat(after).isNotEqualTo(before);
        assertThat(TableSnapshot.difference(before, after)).startsWith("public.unit_directory: 2 rows, ")
                .doesNotContain("token_entry");
    }

    @Test
    void tablesOfEverySchemaAreMeasuredAndANewTableShows() {
        // catches a snapshot of the current schema only: reporting's read models live in rm_blue and rm_green
        jdbc.execute("create schema rm_blue");
        jdbc.execute("create table rm_blue.processed_event (event_id uuid primary key)");
        TableSnapshot tables = TableSnapshot.of(jdbc);
        Map<String, String> before = tables.take();
        assertThat(before).containsKeys("public.unit_directory", "public.token_entry", "rm_blue.processed_event");

        jdbc.update("insert into rm_blue.processed_event values (gen_random_uuid())");
        Map<String, String> inserted = tables.take();
        jdbc.execute("create table public.injected (x int)");

        assertThat(TableSnapshot.difference(before, inserted)).startsWith("rm_blue.processed_event: 0 rows, ");
        assertThat(TableSnapshot.difference(inserted, tables.take())).isEqualTo("public.injected: absent -> 0 rows, -");
    }

    @Test
    void onlyTheColumnsNamedAsMovingAreLeftOut() {
        TableSnapshot tables = TableSnapshot.of(jdbc).axonTokens();
        Map<String, String> before = tables.take();

        jdbc.update("update token_entry set \"timestamp\" = '2026-01-01T00:00:05Z', owner = 'b',"
                + " token = '\\x01', token_type = 'GlobalSequenceTrackingToken'");
        assertThat(tables.take()).as("a claim renewed and a position caught up").isEqualTo(before);

        jdbc.update("insert into token_entry values ('kafka-publisher', 1, null, null, 'a', 'now')");
        assertThat(TableSnapshot.difference(before, tables.take())).startsWith("public.token_entry: 1 rows, ");
    }

    @Test
    void quietAnswersOnlyOnceTwoSnapshotsInARowAgree() throws Exception {
        Callable<Map<String, String>> quiet = TableSnapshot.of(jdbc).quiet();

        assertThat(quiet.call()).as("nothing to compare with yet").isNull();
        jdbc.update("insert into unit_directory values (3, 'Việt Yên')");
        assertThat(quiet.call()).as("moved since").isNull();
        assertThat(quiet.call()).containsEntry("public.unit_directory", TableSnapshot.of(jdbc).take()
                .get("public.unit_directory"));
    }
}
