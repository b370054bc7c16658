package vn.ntm.reporting.generations.query;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.reporting.generations.command.ReadModelGenerations;

/**
 * Compares the live generation with the other one, table by table and row by row (every column but the moment an
 * event was processed and the arrival sequence of status stretches, which numbers rows in the order folded: equal
 * generations order each key's stretches alike but number them differently): after a replay, the rebuilt generation
 * and the one it replaced must hold the same rows.
 */
@Component
public class GenerationComparison {

    private final JdbcTemplate jdbc;
    private final ReadModelGenerations generations;

    GenerationComparison(JdbcTemplate jdbc, ReadModelGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /**
     * @param onlyInLive  rows the live generation has and the other lacks (counted with multiplicity)
     * @param onlyInOther rows the other generation has and the live one lacks
     */
    public record TableComparison(String table, long liveRows, long otherRows, long onlyInLive, long onlyInOther) {
    }

    public record Comparison(String live, String other, boolean equal, List<TableComparison> tables) {
    }

    public Comparison compare() {
        String live = generations.live();
        String other = ReadModelGenerations.other(live);
        List<TableComparison> tables = new ArrayList<>();
        for (String table : jdbc.queryForList(
                "select tablename from pg_tables where schemaname = ? order by tablename", String.class, live)) {
            String columns = String.join(", ", jdbc.queryForList("""
                    select format('%I', column_name) from information_schema.columns
                    where table_schema = ? and table_name = ? and column_name not in ('processed_at', 'arrival')
                      and data_type <> 'jsonb' order by ordinal_position""", String.class, live, table));
            String jsonColumns = String.join("", jdbc.queryForList("""
                    select format(', %I::text', column_name) from information_schema.columns
                    where table_schema = ? and table_name = ? and data_type = 'jsonb' order by ordinal_position""",
                    String.class, live, table));
            String a = "select " + columns + jsonColumns + " from " + live + "." + quote(table);
            String b = "select " + columns + jsonColumns + " from " + other + "." + quote(table);
            tables.add(new TableComparison(table,
                    count("select count(*) from " + live + "." + quote(table)),
                    count("select count(*) from " + other + "." + quote(table)),
                    count("select count(*) from (" + a + " except all " + b + ") d"),
                    count("select count(*) from (" + b + " except all " + a + ") d")));
        }
        boolean equal = tables.stream().allMatch(t -> t.onlyInLive() == 0 && t.onlyInOther() == 0);
        return new Comparison(live, other, equal, tables);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private String quote(String identifier) {
        return jdbc.queryForObject("select format('%I', ?::text)", String.class, identifier);
    }
}
