package vn.ntm.support.security;

import java.util.Optional;

/** The unit a record of this service belongs to (a plan, a recognition), for {@link Access#owner()}. */
public interface UnitOwners {

    Optional<String> unitOf(String kind, String id);
}
