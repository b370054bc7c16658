package vn.ntm.village.programme.command;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The revocation triggers of decision 18/2022/QĐ-TTg for a commune recognised against a set (verified text, see the
 * research extract ntm-criteria-research.yaml, procedure QD18-2022 revocation): 50% of the set's criteria or more
 * not met ({@link Trigger#HALF_OR_MORE}), or 30% to under 50% not met with at least one key criterion among them
 * ({@link Trigger#KEY_CRITERION_30_PERCENT}). The key criteria are Thu nhập; Môi trường và an toàn thực phẩm (xã NTM);
 * Môi trường; Chất lượng môi trường sống (xã NTM nâng cao); Quốc phòng và An ninh — given here by their codes in each
 * set ({@code ntm.revocation.key-criteria}); a set without an entry has none. Pure: no I/O, no clock.
 */
public final class RevocationPolicy {

    /** What a standing meets. */
    public enum Trigger {
        /** 50% of the criteria or more not met. */
        HALF_OR_MORE,
        /** 30% to under 50% not met, one of them a key criterion. */
        KEY_CRITERION_30_PERCENT
    }

    private final Map<String, Set<String>> keyCriteria;

    /** @param keyCriteria criteria set code → the codes of its key criteria */
    public RevocationPolicy(Map<String, ? extends Collection<String>> keyCriteria) {
        this.keyCriteria = keyCriteria.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(String::strip).collect(Collectors.toUnmodifiableSet())));
    }

    /** The codes of the set's key criteria; empty when none are configured for it. */
    public Set<String> keyCriteria(String criteriaSet) {
        return keyCriteria.getOrDefault(criteriaSet, Set.of());
    }

    /** The failing criteria that are key criteria of the set, in the order given. */
    public List<String> failingKeyCriteria(String criteriaSet, Collection<String> failingCodes) {
        Set<String> key = keyCriteria(criteriaSet);
        return failingCodes.stream().filter(key::contains).toList();
    }

    /**
     * The trigger a standing meets, if any: {@code failingCodes} are the codes of the set's criteria not met on the
     * date, of {@code criteriaTotal}. Shares are compared exactly (in whole numbers, not floating point).
     */
    public Optional<Trigger> trigger(String criteriaSet, int criteriaTotal, Collection<String> failingCodes) {
        int failing = failingCodes.size();
        if (criteriaTotal <= 0) {
            return Optional.empty();
        }
        if (failing * 2 >= criteriaTotal) {
            return Optional.of(Trigger.HALF_OR_MORE);
        }
        if (failing * 10 >= criteriaTotal * 3 && !failingKeyCriteria(criteriaSet, failingCodes).isEmpty()) {
            return Optional.of(Trigger.KEY_CRITERION_30_PERCENT);
        }
        return Optional.empty();
    }
}
