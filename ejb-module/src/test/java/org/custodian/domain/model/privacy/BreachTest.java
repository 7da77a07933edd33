package org.custodian.domain.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;
import org.junit.jupiter.api.Test;

/** The 72-hour clock of a breach (Art. 33(1)), its warnings firing once each, and the rules of its decisions. */
class BreachTest {

    private static final Instant AWARE = Instant.parse("2026-12-04T16:30:00Z");

    private static Breach.Details details() {
        return new Breach.Details("A laptop with an export of tickets was stolen.", List.of("contact details",
                "support case contents"), 120L, 300L, "Phishing of the customers named in it.",
                "Remote wipe requested; customers warned.");
    }

    private static Breach breach(Duration warningAfter) {
        return new Breach(details(), AWARE, warningAfter, null, "privacy", AWARE.plusSeconds(60));
    }

    @Test
    void theDeadlineIs72HoursAfterAwarenessAcrossAWeekendAndTheWarningAtTheConfiguredPoint() {
        // aware on a Friday afternoon: the 72 hours are calendar hours, weekends count (Art. 33(1))
        Breach breach = breach(Duration.ofHours(48));
        assertEquals(Instant.parse("2026-12-07T16:30:00Z"), breach.getDueAt());
        assertEquals(Instant.parse("2026-12-06T16:30:00Z"), breach.getWarnAt());
        assertEquals(breach.getWarnAt(), breach.getAlarmAt());
        assertEquals(AWARE.plus(Duration.ofMinutes(90)), breach(Duration.ofMinutes(90)).getWarnAt());
    }

    @Test
    void anUnusableWarningPointFallsBackTo48Hours() {
        for (Duration bad : List.of(Duration.ZERO, Duration.ofHours(-1), Duration.ofHours(73))) {
            assertFalse(BreachClock.validWarningAfter(bad), bad.toString());
            assertEquals(AWARE.plus(Duration.ofHours(48)), BreachClock.warnAt(AWARE, bad));
        }
        assertTrue(BreachClock.validWarningAfter(Duration.ofHours(72)));
        assertNull(BreachClock.nextAlarm(false, AWARE, AWARE, null, null), "a decided breach has no alarm");
    }

    @Test
    void theWarningAndTheDeadlineFireOnceEach() {
        Breach breach = breach(Duration.ofHours(48));
        assertEquals(Breach.Due.NOTHING, breach.fire(breach.getWarnAt().minusSeconds(1)), "not yet");
        assertEquals(Breach.Due.WARNING, breach.fire(breach.getWarnAt()));
        assertEquals(breach.getDueAt(), breach.getAlarmAt());
        assertEquals(Breach.Due.NOTHING, breach.fire(breach.getWarnAt().plusSeconds(5)), "a second wake-up");
        assertEquals(Breach.Due.DEADLINE, breach.fire(breach.getDueAt().plusSeconds(1)));
        assertNull(breach.getAlarmAt());
        assertEquals(Breach.Due.NOTHING, breach.fire(breach.getDueAt().plusSeconds(60)), "after a restart");
    }

    @Test
    void aBreachRecordedAfterItsDeadlineWarnsOnceOfTheDeadlineOnly() {
        Breach late = new Breach(details(), AWARE, Duration.ofHours(48), null, "privacy",
                AWARE.plus(Duration.ofHours(80)));
        assertEquals(Breach.Due.DEADLINE, late.fire(AWARE.plus(Duration.ofHours(80))));
        assertEquals(Breach.Due.NOTHING, late.fire(AWARE.plus(Duration.ofHours(81))));
        assertTrue(late.getWarningSentAt() != null && late.getDeadlineSentAt() != null);
    }

    @Test
    void aNotifiedBreachStopsItsClock() {
        Breach breach = breach(Duration.ofHours(48));
        breach.notifyAuthority(AWARE.plus(Duration.ofHours(10)), "DPA-2026-0042", null, AWARE.plus(Duration
                .ofHours(10)));
        assertEquals(BreachStatus.NOTIFIED, breach.getStatus());
        assertNull(breach.getAlarmAt());
        assertEquals(Breach.Due.NOTHING, breach.fire(breach.getDueAt().plusSeconds(1)));
    }

    @Test
    void aLateNotificationNeedsTheReasonsForTheDelay() {
        Breach breach = breach(Duration.ofHours(48));
        Instant late = AWARE.plus(Duration.ofHours(72)).plusSeconds(1);
        DomainRuleViolationException refused = assertThrows(DomainRuleViolationException.class,
                () -> breach.notifyAuthority(late, "DPA-1", "  ", late));
        assertEquals("delayReason", refused.getViolations().get(0).field());
        assertEquals(BreachStatus.OPEN, breach.getStatus(), "nothing recorded");
        // exactly 72 hours is still on time
        Breach onTime = breach(Duration.ofHours(48));
        onTime.notifyAuthority(AWARE.plus(Duration.ofHours(72)), "DPA-2", null, late);
        assertNull(onTime.getDelayReason());
        breach.notifyAuthority(late, "DPA-1", "The forensic report came only on Monday.", late);
        assertEquals("The forensic report came only on Monday.", breach.getDelayReason());
    }

    @Test
    void aNotificationBeforeAwarenessOrWithoutAReferenceIsRefused() {
        Breach breach = breach(Duration.ofHours(48));
        DomainRuleViolationException refused = assertThrows(DomainRuleViolationException.class,
                () -> breach.notifyAuthority(AWARE.minusSeconds(1), "", null, AWARE));
        assertEquals(List.of("notifiedAt", "reference"), refused.getViolations().stream().map(v -> v.field())
                .toList());
    }

    @Test
    void theDescriptionNeedsNatureCategoriesConsequencesAndMeasures() {
        RuleCheck check = new RuleCheck();
        new Breach.Details(" ", List.of(), -1L, null, null, "x").check(check);
        DomainRuleViolationException refused = assertThrows(DomainRuleViolationException.class,
                check::throwIfAny);
        assertEquals(List.of("nature", "categories", "consequences", "subjectsApprox"), refused.getViolations()
                .stream().map(v -> v.field()).toList());
        RuleCheck commas = new RuleCheck();
        new Breach.Details("n", List.of("a,b"), null, null, "c", "m").check(commas);
        assertThrows(DomainRuleViolationException.class, commas::throwIfAny);
    }

    @Test
    void theSubjectsDecisionNeedsAReason() {
        Breach breach = breach(Duration.ofHours(48));
        assertThrows(DomainRuleViolationException.class,
                () -> breach.decideSubjects(Breach.SubjectsDecision.NOT_NOTIFY, "no", "privacy", AWARE));
        breach.decideSubjects(Breach.SubjectsDecision.NOT_NOTIFY, "The data were encrypted (Art. 34(3)(a)).",
                "privacy", AWARE);
        assertEquals(Breach.SubjectsDecision.NOT_NOTIFY, breach.getSubjectsDecision());
        assertEquals(BreachStatus.OPEN, breach.getStatus(), "the authority question is separate");
    }
}
