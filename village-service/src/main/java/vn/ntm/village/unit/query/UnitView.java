package vn.ntm.village.unit.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import vn.ntm.village.unit.command.UnitLookup;

/** A unit and where it stands: its version, its path, and the units before and after it. */
public record UnitView(@JsonUnwrapped UnitLookup.Entry unit, List<UnitLookup.Entry> children,
                       List<String> predecessorIds) {
}
