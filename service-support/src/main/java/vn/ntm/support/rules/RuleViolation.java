package vn.ntm.support.rules;

/**
 * A command refused by a business rule. Free of Spring so aggregates and value objects can throw it; the web layer
 * turns it into an RFC 9457 problem detail whose {@code type} is {@link #type()} and whose text comes from the
 * service's {@code problems} bundle under {@link #messageKey()} (Vietnamese first, English on request).
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal, which decides the HTTP status. */
    public enum Kind {
        /** The input breaks a rule about one field (400). */
        INVALID,
        /** The input names something that does not exist (422). */
        UNKNOWN,
        /** The input clashes with what is already recorded (409). */
        CONFLICT,
        /** The thing asked for does not exist (404). */
        NOT_FOUND,
        /** The caller may not do this, or not for this unit (403). */
        FORBIDDEN
    }

    private final Kind kind;
    private final String type;
    private final String field;
    private final transient Object[] args;

    public RuleViolation(Kind kind, String type, String field, Object... args) {
        super(type + (field == null ? "" : " (" + field + ")"));
        this.kind = kind;
        this.type = type;
        this.field = field;
        this.args = args;
    }

    public static RuleViolation invalid(String type, String field, Object... args) {
        return new RuleViolation(Kind.INVALID, type, field, args);
    }

    public static RuleViolation unknown(String type, String field, Object... args) {
        return new RuleViolation(Kind.UNKNOWN, type, field, args);
    }

    public static RuleViolation conflict(String type, String field, Object... args) {
        return new RuleViolation(Kind.CONFLICT, type, field, args);
    }

    public static RuleViolation notFound(String type, Object... args) {
        return new RuleViolation(Kind.NOT_FOUND, type, null, args);
    }

    public static RuleViolation forbidden(String type, Object... args) {
        return new RuleViolation(Kind.FORBIDDEN, type, null, args);
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }

    /** The bundle key of the sentence that explains the refusal: {@code problem.<type>}. */
    public String messageKey() {
        return "problem." + type;
    }

    public Object[] args() {
        return args.clone();
    }
}
