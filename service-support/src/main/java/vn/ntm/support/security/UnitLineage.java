package vn.ntm.support.security;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a unit stood in the hierarchy, as far as this service knows it: each service answers from its own copy of
 * the units (village-service's directory, the others' projections of {@code ntm.units}).
 */
public interface UnitLineage {

    /** The unit and the units above it on that date, nearest first; empty if the unit was not in force then. */
    List<String> ancestorsOrSelf(String unitId, LocalDate on);

    /** The units that took over this one when it ended (merger, split); empty while it is in force. */
    List<String> successors(String unitId);
}
