package vn.ntm.village.programme.query;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.support.security.UnitOwners;

/** The unit a plan or a recognition belongs to, for access control ({@code @Access(owner = "plan")}). */
@Component
class ProgrammeOwners implements UnitOwners {

    private final JdbcTemplate jdbc;

    ProgrammeOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> unitOf(String kind, String id) {
        String table = switch (kind) {
            case "plan" -> "plan_view where plan_id = ?";
            case "recognition" -> "recognition_view where recognition_id = ?";
            default -> throw new IllegalArgumentException("No records of kind " + kind);
        };
        return jdbc.queryForList("select unit_id::text from " + table, String.class, id).stream().findFirst();
    }
}
