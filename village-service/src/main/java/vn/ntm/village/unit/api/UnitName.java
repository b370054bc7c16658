package vn.ntm.village.unit.api;

import java.text.Normalizer;
import java.util.Locale;
import vn.ntm.support.rules.RuleViolation;

/**
 * A unit's name as people write it, with Vietnamese diacritics. Stored in Unicode NFC with single spaces, so the
 * same name typed on two keyboards (precomposed or combining marks) is one name.
 */
public record UnitName(String value) {

    public static final int MAX_LENGTH = 120;

    public UnitName {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid("blank-name", "name");
        }
        value = Normalizer.normalize(value, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (value.length() > MAX_LENGTH) {
            throw RuleViolation.invalid("name-too-long", "name", MAX_LENGTH);
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>')) {
            throw RuleViolation.invalid("name-bad-characters", "name");
        }
    }

    /** The key two names are compared by: same letters and marks, case ignored. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }
}
