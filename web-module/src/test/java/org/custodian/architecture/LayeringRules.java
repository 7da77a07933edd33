package org.custodian.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * Custodian's layering, as rules over the classes below a root package: the domain stands alone, the application
 * reaches infrastructure only through its own ports, the interfaces call the application, and batch artifacts
 * (infrastructure.batch) do their work through application services. Parameterised by the root so that
 * {@link LayeringRulesTest} can show each rule failing on classes that break it.
 */
final class LayeringRules {

    private LayeringRules() {
    }

    /** The rules by name, each over the classes below {@code root}. */
    static Map<String, ArchRule> of(String root) {
        return Map.of(
                "domain", domainStandsAlone(root),
                "application", applicationUsesNoInfrastructureOrInterfaces(root),
                "interfaces", interfacesUseNoInfrastructure(root),
                "batch", batchArtifactsUseOnlyApplicationAndDomain(root),
                "services", resourcesPagesAndJobsCallServices(root));
    }

    /** The domain depends on itself, the JDK, JPA and Bean Validation annotations and ApplicationException. */
    static ArchRule domainStandsAlone(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat(resideInAnyPackage(root + ".domain..", "java..",
                        "jakarta.persistence..", "jakarta.validation..").or(type(ApplicationException.class)))
                .because("the domain model is plain Java with persistence mapping; everything else depends on it");
    }

    static ArchRule applicationUsesNoInfrastructureOrInterfaces(String root) {
        return noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".infrastructure..", root + ".interfaces..")
                .because("the application layer reaches infrastructure through its own ports (interfaces it owns)");
    }

    static ArchRule interfacesUseNoInfrastructure(String root) {
        return noClasses().that().resideInAPackage(root + ".interfaces..")
                .should().dependOnClassesThat().resideInAPackage(root + ".infrastructure..")
                .because("REST resources and portal pages go through application services, where policy and audit are");
    }

    /** Repositories answer to services only: a resource, page or job reading one would pass policy and audit by. */
    static ArchRule resourcesPagesAndJobsCallServices(String root) {
        return noClasses().that().resideInAnyPackage(root + ".interfaces..", root + ".infrastructure.batch..")
                .should().dependOnClassesThat(resideInAPackage(root + ".domain..")
                        .and(simpleNameEndingWith("Repository")))
                .because("every read of personal data goes through a service, where PolicyService decides and"
                        + " AuditService records it");
    }

    static ArchRule batchArtifactsUseOnlyApplicationAndDomain(String root) {
        return classes().that().resideInAPackage(root + ".infrastructure.batch..")
                .should().onlyDependOnClassesThat(not(resideInAPackage(root + "..")).or(resideInAnyPackage(
                        root + ".application..", root + ".domain..", root + ".infrastructure.batch..")))
                .because("jobs do their work through application services, which decide access and write the trail");
    }
}
