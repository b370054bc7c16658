package vn.ntm.village;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vn.ntm.testing.ServiceArchitecture;

/** The package vocabulary of ADR 16 and the dependencies that must never exist in this service. */
@AnalyzeClasses(packages = "vn.ntm.village", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "vn.ntm.village";

    @ArchTest
    static final ArchRule aggregatesDoNotKnowSpring = ServiceArchitecture.AGGREGATES_DO_NOT_KNOW_SPRING;

    @ArchTest
    static final ArchRule apiIsFreeOfFrameworks = ServiceArchitecture.API_IS_FREE_OF_FRAMEWORKS;

    @ArchTest
    static final ArchRule onlyMessagingKnowsTheContract = ServiceArchitecture.ONLY_MESSAGING_KNOWS_THE_CONTRACT;

    @ArchTest
    static final ArchRule everyClassPlaysOneRole = ServiceArchitecture.everyClassPlaysOneRole(ROOT);

    @ArchTest
    static final ArchRule apiDependsOnNoOtherRole = ServiceArchitecture.apiDependsOnNoOtherRole(ROOT);

    @ArchTest
    static final ArchRule nothingDependsOnWeb = ServiceArchitecture.nothingDependsOnWeb(ROOT);

    @ArchTest
    static final ArchRule onlyWiringDependsOnMessaging = ServiceArchitecture.onlyWiringDependsOnMessaging(ROOT);
}
