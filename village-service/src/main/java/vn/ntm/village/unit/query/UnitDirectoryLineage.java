package vn.ntm.village.unit.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.security.UnitLineage;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.command.UnitDirectory;
import vn.ntm.village.unit.command.UnitLookup;

/** Access scopes answered from the unit directory: the path a unit had on a date, and who took it over. */
@Component
class UnitDirectoryLineage implements UnitLineage {

    private final UnitDirectory directory;

    UnitDirectoryLineage(UnitDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<String> ancestorsOrSelf(String unitId, LocalDate on) {
        return id(unitId).flatMap(id -> directory.findWithPathOn(id, on)).map(entry -> {
            List<String> ids = new ArrayList<>(entry.path().stream().map(UnitRef::id).toList());
            java.util.Collections.reverse(ids);
            return ids;
        }).orElse(List.of());
    }

    @Override
    public List<String> successors(String unitId) {
        return id(unitId).flatMap(directory::find).map(UnitLookup.Entry::successorIds)
                .map(ids -> ids == null ? List.<String>of() : ids).orElse(List.of());
    }

    private static java.util.Optional<UnitId> id(String value) {
        try {
            return java.util.Optional.of(new UnitId(value));
        } catch (vn.ntm.support.rules.RuleViolation e) {
            return java.util.Optional.empty();
        }
    }
}
