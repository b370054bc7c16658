package vn.ntm.support.web;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.ntm.contracts.Actor;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.AccessInterceptor;
import vn.ntm.support.security.Caller;
import vn.ntm.support.security.Role;

/**
 * Who is making the current request, as every event records it: the verified token's subject, the role the endpoint
 * let them act in, and the unit subtree their roles cover.
 */
public class ActorResolver {

    private final AccessGuard guard;

    public ActorResolver(AccessGuard guard) {
        this.guard = guard;
    }

    public Actor current() {
        Caller caller = guard.caller();
        Object acting = RequestContextHolder.currentRequestAttributes()
                .getAttribute(AccessInterceptor.ACTING_ROLE, RequestAttributes.SCOPE_REQUEST);
        Role role = acting instanceof Role r ? r : caller.roles().stream().findFirst().orElse(null);
        return new Actor(caller.subject(), role == null ? "none" : role.claim(), caller.scope());
    }
}
