package vn.ntm.contracts;

import java.time.LocalDate;

/**
 * A unit belongs to a new parent from {@code validFrom} (villages following their commune through a merger, a
 * commune placed directly under its province when districts ended). The envelope's path is the new one.
 */
public record UnitMoved(String parentId, String previousParentId, LocalDate validFrom, String legalBasis)
        implements IntegrationPayload {
}
