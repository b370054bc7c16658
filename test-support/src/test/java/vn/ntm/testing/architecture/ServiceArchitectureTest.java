package vn.ntm.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ntm.testing.ServiceArchitecture;
import vn.ntm.testing.ServiceArchitectureRules;

/**
 * The layout rules of ADR 16 hold for a service laid out by role ({@code good}) and each finds its own breach in
 * {@code bad}: a rule that matched nothing (a wrong package pattern) would pass both and fail here.
 */
class ServiceArchitectureTest {

    private static final String GOOD = "vn.ntm.testing.architecture.good";
    private static final String BAD = "vn.ntm.testing.architecture.bad";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages("vn.ntm.testing.architecture");

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("every class plays one role", rule(ServiceArchitecture::everyClassPlaysOneRole),
                        "Stray"),
                Arguments.of("api depends on no other role", rule(ServiceArchitecture::apiDependsOnNoOtherRole),
                        "Leaky"),
                Arguments.of("nothing depends on web", rule(ServiceArchitecture::nothingDependsOnWeb), "CallsWeb"),
                Arguments.of("only wiring depends on messaging",
                        rule(ServiceArchitecture::onlyWiringDependsOnMessaging), "Shown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holdsForALayoutByRoleAndFindsItsBreach(String name, Function<String, ArchRule> rule, String culprit) {
        assertThat(rule.apply(GOOD).evaluate(CLASSES).hasViolation()).as("%s on a good layout", name).isFalse();

        var result = rule.apply(BAD).evaluate(CLASSES);
        assertThat(result.hasViolation()).as("%s on a bad layout", name).isTrue();
        assertThat(result.getFailureReport().getDetails()).as(name).anyMatch(line -> line.contains(culprit));
    }

    /** Would catch a service test that forgot its package and had the rules check nothing (or everything). */
    @Test
    void aServiceTestMustNameItsRootPackage() {
        assertThatThrownBy(Unnamed::new).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@AnalyzeClasses");
    }

    private static final class Unnamed extends ServiceArchitectureRules {
    }

    private static Function<String, ArchRule> rule(Function<String, ArchRule> rule) {
        return rule;
    }
}
