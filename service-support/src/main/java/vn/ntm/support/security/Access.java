package vn.ntm.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint. Every handler under {@code /api} must carry one (on the method or its class): an endpoint
 * without it is refused to everyone, so a new endpoint is closed until someone decides who may use it.
 *
 * <p>The caller needs one of {@link #roles()}. When {@link #unit()} names a path variable or request parameter and the
 * request gives it, the caller's scope must also cover that unit on the date concerned: the first of the parameters
 * {@link #on()} the request gives, else today ({@link AccessGuard}). Checks that need the body (a measurement's date,
 * the units of a merger) are made by the handler with {@link AccessGuard}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Access {

    Role[] roles();

    /** The path variable or request parameter that names the unit concerned; empty when none does. */
    String unit() default "";

    /**
     * When {@link #unit()} names a record rather than a unit (a plan, a recognition), the kind of record; its unit is
     * looked up with the service's {@link UnitOwners}. An unknown record is left to the handler (404).
     */
    String owner() default "";

    /** The request parameters that name the date concerned, in order of preference. */
    String[] on() default {};

    /** Only an operator of the whole platform (scope {@code *}) may call it: it touches every unit at once. */
    boolean wholePlatform() default false;
}
