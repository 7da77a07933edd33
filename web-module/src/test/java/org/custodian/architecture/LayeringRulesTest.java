package org.custodian.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.custodian.architecture.fixture.domain.AllowedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each layering rule fails on the classes under {@code fixture} that break it (a rule that cannot fail would hold
 * nothing), and the message names the offending dependency.
 */
class LayeringRulesTest {

    private static final String FIXTURE = LayeringRulesTest.class.getPackageName() + ".fixture";

    private final JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

    @ParameterizedTest
    @ValueSource(strings = {"domain", "application", "interfaces", "batch"})
    void failsOnAViolation(String rule) {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> LayeringRules.of(FIXTURE).get(rule).check(fixture));
        assertTrue(failure.getMessage().contains(FIXTURE + ".infrastructure.persistence.Store")
                || failure.getMessage().contains("jakarta.ejb.Stateless"), failure.getMessage());
    }

    @Test
    void resourcesAndJobsThatReadARepositoryFail() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> LayeringRules.of(FIXTURE).get("services").check(fixture));
        assertTrue(failure.getMessage().contains(FIXTURE + ".domain.NoteRepository"), failure.getMessage());
        assertTrue(failure.getMessage().contains("RepositoryReadingResource")
                && failure.getMessage().contains("RepositoryReadingWriter"), failure.getMessage());
    }

    @Test
    void theDomainMayUseItsAnnotationsAndApplicationException() {
        JavaClasses allowed = new ClassFileImporter().importClasses(AllowedRecord.class);
        LayeringRules.domainStandsAlone(FIXTURE).check(allowed);
    }
}
