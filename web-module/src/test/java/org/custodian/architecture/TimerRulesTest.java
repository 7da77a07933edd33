package org.custodian.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Custodian's timers all run under the watchdog, and the rule fails on one that does not. */
class TimerRulesTest {

    @Test
    void everyTimerOfCustodianRunsUnderTheWatchdog() {
        JavaClasses custodian = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.custodian");
        assertTrue(custodian.contain("org.custodian.application.review.AccessReviewSchedule")
                && custodian.contain("org.custodian.application.job.BackupSchedule"), "both modules' schedules are read");
        TimerRules.timersRunUnderTheWatchdog("org.custodian").check(custodian);
    }

    @Test
    void aTimerWithoutTheWatchdogFails() {
        String fixture = TimerRulesTest.class.getPackageName() + ".fixture";
        JavaClasses classes = new ClassFileImporter().importPackages(fixture);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> TimerRules.timersRunUnderTheWatchdog(fixture).check(classes));
        assertTrue(failure.getMessage().contains("UnwatchedSchedule.tick()"), failure.getMessage());
    }
}
