package org.custodian.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Custodian's own classes (the EJB, batch and web modules' main code) keep every layering rule. */
class ArchitectureTest {

    private static JavaClasses custodian;

    @BeforeAll
    static void importCustodian() {
        custodian = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.custodian");
        // all three modules must be there, or a rule would pass on nothing
        for (String layer : new String[] {"domain", "application", "infrastructure.batch", "infrastructure.persistence",
                "interfaces"}) {
            assertTrue(custodian.containPackage("org.custodian." + layer), "no classes in org.custodian." + layer);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain", "application", "interfaces", "batch", "services"})
    void holds(String rule) {
        LayeringRules.of("org.custodian").get(rule).check(custodian);
    }
}
