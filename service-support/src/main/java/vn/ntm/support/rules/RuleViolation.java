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

    /**
     * The item of a list in the request that a refusal is about, when one request carries many (a form of
     * measurements).
     *
     * @param list  the list's field, e.g. {@code items}
     * @param index its position in the list, from 0
     * @param key   the field that names the item for a person, e.g. {@code indicatorCode}
     * @param name  that field's value, e.g. {@code 4.2}
     */
    public record Item(String list, int index, String key, String name) {
    }

    private final Kind kind;
    private final String type;
    private final String field;
    private final transient Item item;
    private final transient Object[] args;

    public RuleViolation(Kind kind, String type, String field, Object... args) {
        this(kind, type, field, null, args);
    }

    private RuleViolation(Kind kind, String type, String field, Item item, Object[] args) {
        super(type + (field == null ? "" : " (" + field + ")"));
        this.kind = kind;
        this.type = type;
        this.field = field;
        this.item = item;
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

    /**
     * The same refusal, about one item of a list: its field becomes {@code list[index].field}, and the problem detail
     * names the item (its position and {@code key}) before the sentence that explains the refusal.
     */
    public RuleViolation inItem(String list, int index, String key, String name) {
        String path = list + "[" + index + "]";
        RuleViolation inItem = new RuleViolation(kind, type, field == null ? path : path + "." + field,
                new Item(list, index, key, name), args);
        inItem.initCause(this);
        return inItem;
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

    /** The item of a list in the request this refusal is about, or null when it is about the request as a whole. */
    public Item item() {
        return item;
    }

    /** The bundle key of the sentence that explains the refusal: {@code problem.<type>}. */
    public String messageKey() {
        return "problem." + type;
    }

    public Object[] args() {
        return args.clone();
    }
}
