package vn.ntm.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Dependencies that must never exist in an event-sourced service; each service's ArchitectureTest applies them. */
public final class ServiceArchitecture {

    /** Aggregates check rules and apply events; wiring, web and persistence stay outside them. */
    public static final ArchRule AGGREGATES_DO_NOT_KNOW_SPRING = classes()
            .that().areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..",
                    "jakarta.persistence..", "..web..", "..messaging..");

    /** Commands, events and value objects are plain records, usable by any layer and by tests. */
    public static final ArchRule API_IS_FREE_OF_FRAMEWORKS = noClasses().that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "..web..", "..messaging..", "..query..");

    /** Only the messaging translators know the Kafka contract's event records. */
    public static final ArchRule ONLY_MESSAGING_KNOWS_THE_CONTRACT = noClasses()
            .that().resideOutsideOfPackage("..messaging..")
            .should().dependOnClassesThat().implement("vn.ntm.contracts.IntegrationPayload")
            .allowEmptyShould(true);

    private ServiceArchitecture() {
    }
}
