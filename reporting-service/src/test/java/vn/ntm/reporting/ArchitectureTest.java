package vn.ntm.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import vn.ntm.testing.ServiceArchitecture;

/**
 * The package vocabulary of ADR 16 and the dependencies that must never exist in this service. Reporting has no
 * aggregates: its folds of the Kafka contract's events into the read models are in {@code messaging}, the only role
 * that knows the contract's records; {@code query} reads the tables they fill.
 */
@AnalyzeClasses(packages = "vn.ntm.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "vn.ntm.reporting";

    @ArchTest
    static final ArchRule apiIsFreeOfFrameworks = ServiceArchitecture.API_IS_FREE_OF_FRAMEWORKS
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyMessagingKnowsTheContract = ServiceArchitecture.ONLY_MESSAGING_KNOWS_THE_CONTRACT;

    @ArchTest
    static final ArchRule everyClassPlaysOneRole = ServiceArchitecture.everyClassPlaysOneRole(ROOT);

    @ArchTest
    static final ArchRule apiDependsOnNoOtherRole = ServiceArchitecture.apiDependsOnNoOtherRole(ROOT)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingDependsOnWeb = ServiceArchitecture.nothingDependsOnWeb(ROOT);

    @ArchTest
    static final ArchRule onlyWiringDependsOnMessaging = ServiceArchitecture.onlyWiringDependsOnMessaging(ROOT);
}
