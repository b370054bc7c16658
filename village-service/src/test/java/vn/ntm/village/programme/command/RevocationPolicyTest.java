package vn.ntm.village.programme.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The revocation triggers of decision 18/2022/QĐ-TTg as a table, on the advanced-commune set (19 criteria, key
 * criteria 10 Thu nhập, 17 Môi trường, 18 Chất lượng môi trường sống, 19 Quốc phòng và an ninh) and on sets of 10 and
 * 100 criteria where the boundaries 29/30% and 49/50% fall on whole criteria.
 */
class RevocationPolicyTest {

    private final RevocationPolicy policy = new RevocationPolicy(Map.of(
            "VN-XA-NTMNC-2021-2025", List.of("10", "17", "18", "19"),
            "TEN", List.of("1"),
            "HUNDRED", List.of("1")));

    @ParameterizedTest(name = "{0}: {2} of {1} failing → {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # set                 | total | failing codes                        | trigger
            HUNDRED               | 100   | 1 2..29                              | none
            HUNDRED               | 100   | 1 2..30                              | KEY_CRITERION_30_PERCENT
            HUNDRED               | 100   | 2..31                                | none
            HUNDRED               | 100   | 1 2..49                              | KEY_CRITERION_30_PERCENT
            HUNDRED               | 100   | 2..50                                | none
            HUNDRED               | 100   | 2..51                                | HALF_OR_MORE
            HUNDRED               | 100   | 1 2..50                              | HALF_OR_MORE
            TEN                   | 10    | 1 2                                  | none
            TEN                   | 10    | 1 2 3                                | KEY_CRITERION_30_PERCENT
            TEN                   | 10    | 2 3 4                                | none
            TEN                   | 10    | 2 3 4 5                              | none
            TEN                   | 10    | 2 3 4 5 6                            | HALF_OR_MORE
            VN-XA-NTMNC-2021-2025 | 19    | 1 2 3 4 5                            | none
            VN-XA-NTMNC-2021-2025 | 19    | 1 2 3 4 10                           | none
            VN-XA-NTMNC-2021-2025 | 19    | 1 2 3 4 5 19                         | KEY_CRITERION_30_PERCENT
            VN-XA-NTMNC-2021-2025 | 19    | 1 2 3 4 5 6                          | none
            VN-XA-NTMNC-2021-2025 | 19    | 1 2 3 4 5 6 7 8 9                    | none
            VN-XA-NTMNC-2021-2025 | 19    | 1 2 3 4 5 6 7 8 17                   | KEY_CRITERION_30_PERCENT
            VN-XA-NTMNC-2021-2025 | 19    | 1 2 3 4 5 6 7 8 9 11                 | HALF_OR_MORE
            UNLISTED              | 19    | 1 2 3 4 5 10                         | none
            UNLISTED              | 19    | 1 2 3 4 5 6 7 8 9 10                 | HALF_OR_MORE
            UNLISTED              | 0     | none                                 | none
            """)
    void judgesTheShareOfFailingCriteriaAndTheKeyCriteriaAmongThem(String set, int total, String failing,
                                                                   RevocationPolicy.Trigger expected) {
        assertThat(policy.trigger(set, total, codes(failing))).isEqualTo(java.util.Optional.ofNullable(expected));
    }

    @Test
    void failingKeyCriteriaAreMatchedByCodeInTheSetOnly() {
        assertThat(policy.failingKeyCriteria("VN-XA-NTMNC-2021-2025", List.of("2", "17", "19", "20")))
                .containsExactly("17", "19");
        assertThat(policy.failingKeyCriteria("TEN", List.of("10", "17"))).isEmpty();
        assertThat(policy.keyCriteria("UNLISTED")).isEmpty();
    }

    /** "1 2..4" → [1, 2, 3, 4]. */
    private static List<String> codes(String failing) {
        if (failing == null) {
            return List.of();
        }
        return Arrays.stream(failing.trim().split("\\s+")).flatMap(part -> {
            if (!part.contains("..")) {
                return java.util.stream.Stream.of(part);
            }
            String[] range = part.split("\\.\\.");
            return java.util.stream.IntStream.rangeClosed(Integer.parseInt(range[0]), Integer.parseInt(range[1]))
                    .mapToObj(String::valueOf);
        }).toList();
    }
}
