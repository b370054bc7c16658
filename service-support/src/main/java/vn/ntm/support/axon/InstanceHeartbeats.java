package vn.ntm.support.axon;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The instances of a service that are alive, as the rows of {@code service_instance} they keep fresh (service-support's
 * Flyway migration {@code V6_1}). An instance that holds no segment has no claim in {@code token_entry}, so the token
 * store alone cannot tell a newcomer is there; this table can. Times are the database's, so the instances' clocks
 * need not agree.
 */
class InstanceHeartbeats {

    private final JdbcTemplate jdbc;

    InstanceHeartbeats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Says {@code instance} is alive now. */
    void beat(String instance) {
        jdbc.update("insert into service_instance (instance_id, beat_at) values (?, now())"
                + " on conflict (instance_id) do update set beat_at = now()", instance);
    }

    /** How many instances beat within {@code staleAfter}; rows stale for a day are removed on the way. */
    int live(Duration staleAfter) {
        jdbc.update("delete from service_instance where beat_at < now() - interval '1 day'");
        Integer live = jdbc.queryForObject("select count(*) from service_instance"
                + " where beat_at > now() - make_interval(secs => ?)", Integer.class, staleAfter.toMillis() / 1000.0);
        return live == null ? 0 : live;
    }

    /** Says {@code instance} is gone (a clean stop), so that the others count without it at once. */
    void leave(String instance) {
        jdbc.update("delete from service_instance where instance_id = ?", instance);
    }
}
