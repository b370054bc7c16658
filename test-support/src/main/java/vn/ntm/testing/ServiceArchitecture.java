package vn.ntm.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Rules every service keeps; each service's ArchitectureTest applies them. The first three are dependencies that must
 * never exist in an event-sourced service; the rest are the one package vocabulary of ADR 16:
 * {@code vn.ntm.<service>.<feature>.<role>}, the role one of {@link #ROLES}.
 */
public final class ServiceArchitecture {

    /** The roles a package may play, and the only names a feature's sub-packages may have. */
    public static final String[] ROLES = {"api", "command", "query", "web", "messaging", "config"};

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

    /** Every class of the service but its application class lives in a role package of a feature. */
    public static ArchRule everyClassPlaysOneRole(String root) {
        return classes().that().resideInAPackage(root + "..")
                .and().areNotAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
                .should().resideInAnyPackage(inRoles(root, ROLES))
                .as("every class of " + root + " lives in a package named for its role: " + String.join(", ", ROLES));
    }

    /** Messages and values know nothing of the sides that send, handle, store, show or wire them. */
    public static ArchRule apiDependsOnNoOtherRole(String root) {
        return noClasses().that().resideInAPackage(root + "..api")
                .should().dependOnClassesThat().resideInAnyPackage(
                        inRoles(root, "command", "query", "web", "messaging", "config"));
    }

    /** Controllers are an edge: nothing but wiring reaches into them. */
    public static ArchRule nothingDependsOnWeb(String root) {
        return noClasses().that().resideOutsideOfPackages(inRoles(root, "web", "config"))
                .should().dependOnClassesThat().resideInAPackage(root + "..web")
                .allowEmptyShould(true);
    }

    /** Kafka is an edge too: the domain and the read side do not call the publishers or consumers. */
    public static ArchRule onlyWiringDependsOnMessaging(String root) {
        return noClasses().that().resideOutsideOfPackages(inRoles(root, "messaging", "config"))
                .should().dependOnClassesThat().resideInAPackage(root + "..messaging")
                .allowEmptyShould(true);
    }

    private static String[] inRoles(String root, String... roles) {
        String[] packages = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            packages[i] = root + ".." + roles[i];
        }
        return packages;
    }

    private ServiceArchitecture() {
    }
}
