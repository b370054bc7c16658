package vn.ntm.contracts;

/**
 * Who caused an event: the authenticated subject, the role they acted in, and the unit subtree their role covers.
 */
public record Actor(String subject, String role, String scope) {

    public static Actor system(String subject) {
        return new Actor(subject, "system", null);
    }
}
