package vn.ntm.criteria.catalogue.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.catalogue.api.CriteriaSetAmended;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.criteria.catalogue.api.CriteriaSetPublished;
import vn.ntm.criteria.catalogue.command.CriteriaSetLookup;

/**
 * Every published version of every criteria set, kept in the same transaction as the events (subscribing
 * processor): the command side resolves indicators and thresholds from it, the REST API lists it. A version ends the
 * day before the next one takes effect.
 */
@Component
@ProcessingGroup("criteria-catalogue")
public class CriteriaCatalogue implements CriteriaSetLookup {

    private static final String DEFINITION = "select code, version, effective_to from criteria_set ";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    /**
     * Parsed definitions by code and version. A version's definition is never changed once published (only its end
     * date is, and that is read from the row every time), so this never goes stale, also with several instances. It
     * holds every version ever published (a few dozen). Without it every measurement parsed the set's JSON twice (a
     * sixth of criteria-service's CPU in the benchmark's profile).
     */
    private final Map<String, CriteriaSetDefinition> definitions = new ConcurrentHashMap<>();

    CriteriaCatalogue(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CriteriaSetPublished event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        insert(event.criteriaSetId(), event.definition(), event.actor(), recordedAt);
    }

    @EventHandler
    void on(CriteriaSetAmended event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        CriteriaSetDefinition d = event.definition();
        jdbc.update("""
                update criteria_set set effective_to = ?
                where code = ? and version = ? and (effective_to is null or effective_to >= ?)""",
                d.effectiveFrom().minusDays(1), event.criteriaSetId().value(), d.version() - 1, d.effectiveFrom());
        insert(event.criteriaSetId(), d, event.actor(), recordedAt);
    }

    private void insert(CriteriaSetId id, CriteriaSetDefinition d, Actor actor, Instant recordedAt) {
        jdbc.update("""
                insert into criteria_set (code, version, level, title_vi, effective_from, effective_to, definition,
                                          published_by, published_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""",
                id.value(), d.version(), d.level().name(), d.titleVi(), d.effectiveFrom(), d.effectiveTo(),
                json.writeValueAsString(d), actor.subject(), Timestamp.from(recordedAt));
    }

    /** The latest version. */
    @Override
    public Optional<CriteriaSetDefinition> find(CriteriaSetId id) {
        return query(DEFINITION + "where code = ? order by version desc limit 1", id.value()).stream().findFirst();
    }

    /**
     * The latest version of a set named by a code as someone wrote it; empty for a code no set has, malformed ones
     * included (a caller answers 404 or 422 as its input calls for).
     */
    public Optional<CriteriaSetDefinition> findByCode(String code) {
        try {
            return find(new CriteriaSetId(code));
        } catch (RuleViolation e) {
            return Optional.empty();
        }
    }

    /** The version of {@code latest}'s set in force on {@code date}; outside every version, {@code latest} itself. */
    public CriteriaSetDefinition inForceOrLatest(CriteriaSetDefinition latest, LocalDate date) {
        return inForceOn(new CriteriaSetId(latest.code()), date).orElse(latest);
    }

    /** The version that governs {@code date}, if any. */
    public Optional<CriteriaSetDefinition> inForceOn(CriteriaSetId id, LocalDate date) {
        return query(DEFINITION + """
                where code = ? and effective_from <= ? and (effective_to is null or effective_to >= ?)
                order by version desc limit 1""", id.value(), date, date).stream().findFirst();
    }

    /**
     * The sets of a recognition level in force on {@code date}, national ones first: which set governs a unit
     * aiming at that level on that date.
     */
    public List<CriteriaSetDefinition> inForceForLevel(String level, LocalDate date) {
        return query(DEFINITION + """
                where level = ? and effective_from <= ? and (effective_to is null or effective_to >= ?)
                  and (code, version) in (select code, max(version) from criteria_set
                                          where effective_from <= ? group by code)
                order by case when definition ->> 'scope' = 'NATIONAL' then 0 else 1 end, code""",
                level, date, date, date);
    }

    public List<CriteriaSetDefinition> versions(CriteriaSetId id) {
        return query(DEFINITION + "where code = ? order by version", id.value());
    }

    /** The latest version of every set. */
    public List<CriteriaSetDefinition> all() {
        return query(DEFINITION + """
                where (code, version) in (select code, max(version) from criteria_set group by code)
                order by effective_from, code""");
    }

    /**
     * Versions after the first whose assessments were not yet judged again under them. Whatever their effective
     * date: a status is a timeline, and a version dated in the future changes its future stretches now.
     */
    public List<CriteriaSetDefinition> awaitingActivation() {
        return query(DEFINITION + "where version > 1 and activated_at is null order by code, version");
    }

    public void markActivated(String code, int version, Instant at) {
        jdbc.update("update criteria_set set activated_at = ? where code = ? and version = ?", Timestamp.from(at), code,
                version);
    }

    private List<CriteriaSetDefinition> query(String sql, Object... args) {
        record Version(String code, int version, LocalDate effectiveTo) {
        }
        List<Version> versions = jdbc.query(sql, (rs, n) -> new Version(rs.getString(1), rs.getInt(2),
                rs.getObject(3, LocalDate.class)), args);
        // definitions are read after the rows are, so a cache miss never needs a second connection meanwhile
        return versions.stream().map(v -> definition(v.code(), v.version()).withEffectiveTo(v.effectiveTo())).toList();
    }

    private CriteriaSetDefinition definition(String code, int version) {
        String key = code + "@" + version;
        CriteriaSetDefinition cached = definitions.get(key);
        if (cached != null) {
            return cached;
        }
        CriteriaSetDefinition loaded = jdbc.queryForObject(
                "select definition::text from criteria_set where code = ? and version = ?",
                (rs, n) -> json.readValue(rs.getString(1), CriteriaSetDefinition.class), code, version);
        // only what is committed is kept: inside a transaction the row may be this transaction's own insert, which
        // a rollback would take back (and a later publication of the same version could differ)
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            definitions.put(key, loaded);
        }
        return loaded;
    }
}
