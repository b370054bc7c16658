package vn.ntm.criteria;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

/** Dependencies that must never exist in this service. */
@AnalyzeClasses(packages = "vn.ntm.criteria", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Aggregates check rules and apply events; wiring, web and persistence stay outside them. */
    @ArchTest
    static final ArchRule aggregatesDoNotKnowSpring = classes().that().areAnnotatedWith(Aggregate.class)
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..", "jakarta.persistence..",
                    "..web..", "..messaging..");

    /** Commands, events and value objects are plain records, usable by any layer and by tests. */
    @ArchTest
    static final ArchRule apiIsFreeOfFrameworks = noClasses().that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "..web..", "..messaging..", "..query..");

    /** Only the messaging translators know the Kafka contract's event records. */
    @ArchTest
    static final ArchRule onlyMessagingPublishesContracts = noClasses().that().resideOutsideOfPackage("..messaging..")
            .should().dependOnClassesThat().haveNameMatching("vn\\.ntm\\.contracts\\.(UnitRegistered|MeasurementRecorded|IndicatorStatusChanged|CriteriaSetPublished).*")
            .allowEmptyShould(true);
}
