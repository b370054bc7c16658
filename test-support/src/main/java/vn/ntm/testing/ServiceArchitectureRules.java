package vn.ntm.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The {@link ServiceArchitecture} rules as one set of ArchUnit tests: a service's {@code ArchitectureTest} extends this
 * and names its root package in {@code @AnalyzeClasses}, the one package the rules are then checked for.
 */
public abstract class ServiceArchitectureRules {

    private final String root;
    private final boolean eventSourced;

    /** For a service that keeps aggregates and an {@code api} of commands and events. */
    protected ServiceArchitectureRules() {
        this(true);
    }

    /**
     * @param eventSourced false for a service with no aggregates and no {@code api} package (reporting folds the
     *                     contract's events into tables): the rules on them then pass on finding nothing
     */
    protected ServiceArchitectureRules(boolean eventSourced) {
        AnalyzeClasses analysed = getClass().getAnnotation(AnalyzeClasses.class);
        if (analysed == null || analysed.packages().length != 1) {
            throw new IllegalStateException(getClass() + " must name its one root package in @AnalyzeClasses");
        }
        this.root = analysed.packages()[0];
        this.eventSourced = eventSourced;
    }

    @ArchTest
    void aggregatesDoNotKnowSpring(JavaClasses classes) {
        check(ServiceArchitecture.AGGREGATES_DO_NOT_KNOW_SPRING, classes);
    }

    @ArchTest
    void apiIsFreeOfFrameworks(JavaClasses classes) {
        check(ServiceArchitecture.API_IS_FREE_OF_FRAMEWORKS, classes);
    }

    @ArchTest
    void onlyMessagingKnowsTheContract(JavaClasses classes) {
        ServiceArchitecture.ONLY_MESSAGING_KNOWS_THE_CONTRACT.check(classes);
    }

    @ArchTest
    void everyClassPlaysOneRole(JavaClasses classes) {
        ServiceArchitecture.everyClassPlaysOneRole(root).check(classes);
    }

    @ArchTest
    void apiDependsOnNoOtherRole(JavaClasses classes) {
        check(ServiceArchitecture.apiDependsOnNoOtherRole(root), classes);
    }

    @ArchTest
    void nothingDependsOnWeb(JavaClasses classes) {
        ServiceArchitecture.nothingDependsOnWeb(root).check(classes);
    }

    @ArchTest
    void onlyWiringDependsOnMessaging(JavaClasses classes) {
        ServiceArchitecture.onlyWiringDependsOnMessaging(root).check(classes);
    }

    /** A rule on aggregates or the api: in an event-sourced service it must find them, or its pattern is wrong. */
    private void check(ArchRule rule, JavaClasses classes) {
        rule.allowEmptyShould(!eventSourced).check(classes);
    }
}
