package vn.ntm.criteria.catalogue.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.CriteriaSetPublished;
import vn.ntm.criteria.catalogue.command.CriteriaSetLookup;

/**
 * The published criteria sets as a table, kept in the same transaction as the events (subscribing processor): the
 * command side resolves indicators and thresholds from it, the REST API lists it.
 */
@Component
@ProcessingGroup("criteria-catalogue")
public class CriteriaCatalogue implements CriteriaSetLookup {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CriteriaCatalogue(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CriteriaSetPublished event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        CriteriaSetDefinition d = event.definition();
        jdbc.update("""
                insert into criteria_set (code, version, level, title_vi, effective_from, effective_to, definition,
                                          published_by, published_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""",
                event.criteriaSetId().value(), d.version(), d.level().name(), d.titleVi(), d.effectiveFrom(),
                d.effectiveTo(), json.writeValueAsString(d), event.actor().subject(), Timestamp.from(recordedAt));
    }

    @Override
    public Optional<CriteriaSetDefinition> find(CriteriaSetId id) {
        return jdbc.queryForList("select definition::text from criteria_set where code = ?", String.class, id.value())
                .stream().findFirst().map(text -> json.readValue(text, CriteriaSetDefinition.class));
    }

    public List<CriteriaSetDefinition> all() {
        return jdbc.queryForList("select definition::text from criteria_set order by effective_from, code", String.class)
                .stream().map(text -> json.readValue(text, CriteriaSetDefinition.class)).toList();
    }
}
