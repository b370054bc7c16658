package vn.ntm.criteria.catalogue.command;

import java.util.Optional;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/** The published criteria sets, as the command side needs them. */
public interface CriteriaSetLookup {

    Optional<CriteriaSetDefinition> find(CriteriaSetId id);

    default boolean exists(CriteriaSetId id) {
        return find(id).isPresent();
    }
}
