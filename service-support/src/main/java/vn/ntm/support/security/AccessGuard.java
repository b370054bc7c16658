package vn.ntm.support.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.ntm.support.rules.RuleViolation;

/**
 * Decides whether the caller's scope covers a unit on a date. A scope is a subtree of the hierarchy, and the hierarchy
 * changes over time, so the question is always asked for a date:
 *
 * <ol>
 *   <li>the unit lies in the scope's subtree on the date concerned (Bắc Giang's administrator sees Tân Yên up to the
 *       day it moved to Bắc Ninh); or</li>
 *   <li>the unit, or a unit that took it over (merger, split, followed to the end), lies in the scope's subtree today:
 *       whoever holds a unit now holds its whole past (after the 1/7/2025 merger, an officer of xã Ngọc Thiện sees
 *       Song Vân's history before it; Bắc Ninh sees Tân Yên's years in Bắc Giang).</li>
 * </ol>
 * An officer of any other commune sees none of it. docs/adr/0010 gives the reasons and the edge cases.
 */
public class AccessGuard {

    private static final int MAX_SUCCESSION = 16;
    /** How dates are written in Vietnam (and read well enough in English): 01/07/2025. */
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy");

    private final UnitLineage lineage;
    private final Clock clock;

    public AccessGuard(UnitLineage lineage, Clock clock) {
        this.lineage = lineage;
        this.clock = clock;
    }

    /** The caller of the current request; refused (401) when there is none. */
    public Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Caller.of(jwt);
        }
        throw new IllegalStateException("No authenticated caller: the security filter chain should have refused");
    }

    /** The caller holds one of the roles; otherwise 403 naming the roles that may. */
    public Role requireRole(Role... allowed) {
        Caller caller = caller();
        return Arrays.stream(allowed).filter(caller.roles()::contains).findFirst().orElseThrow(
                () -> RuleViolation.forbidden("role-not-allowed", Arrays.stream(allowed).map(Role::claim)
                        .collect(Collectors.joining(", "))));
    }

    public void requireWholePlatform() {
        if (!caller().wholePlatform()) {
            throw RuleViolation.forbidden("whole-platform-only");
        }
    }

    /** The caller's scope covers the unit on the date; otherwise 403, without saying whether the unit exists. */
    public void require(String unitId, LocalDate on) {
        if (!covers(unitId, on)) {
            throw RuleViolation.forbidden("outside-scope", unitId,
                    (on == null ? LocalDate.now(clock) : on).format(DAY));
        }
    }

    public boolean covers(String unitId, LocalDate on) {
        return covers(caller(), unitId, on);
    }

    public boolean covers(Caller caller, String unitId, LocalDate on) {
        if (caller.wholePlatform()) {
            return true;
        }
        String scope = caller.scope();
        if (scope == null || unitId == null) {
            return false;
        }
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        if (lineage.ancestorsOrSelf(unitId, day).contains(scope)) {
            return true;
        }
        LocalDate today = LocalDate.now(clock);
        Set<String> seen = new HashSet<>();
        Deque<String> heirs = new ArrayDeque<>();
        heirs.add(unitId);
        while (!heirs.isEmpty() && seen.size() < MAX_SUCCESSION) {
            String unit = heirs.poll();
            if (seen.add(unit)) {
                if (lineage.ancestorsOrSelf(unit, today).contains(scope)) {
                    return true;
                }
                heirs.addAll(lineage.successors(unit));
            }
        }
        return false;
    }
}
