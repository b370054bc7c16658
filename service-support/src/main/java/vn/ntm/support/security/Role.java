package vn.ntm.support.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platform's roles, as the identity provider names them (Keycloak realm roles). What each may do is declared on
 * every endpoint with {@link Access}; README "Access control" has the table.
 */
public enum Role {
    /** Cán bộ xã: writes measurements, plans and recognition requests for its commune and its villages. */
    COMMUNE_OFFICER("commune-officer"),
    /** Chuyên viên phân tích: reads a subtree's full history, runs replays and exports. */
    ANALYST("analyst"),
    /** Quản trị cấp tỉnh: publishes criteria sets, manages units, records appraisals, decisions and revocations. */
    PROVINCIAL_ADMIN("provincial-admin"),
    /** Người xem: the dashboards only. */
    VIEWER("viewer");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(value)).findFirst();
    }
}
