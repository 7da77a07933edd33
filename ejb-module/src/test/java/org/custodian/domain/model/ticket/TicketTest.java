package org.custodian.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.pii.PiiType;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;

class TicketTest {

    static final Instant CREATED = Instant.parse("2026-01-10T10:00:00Z");
    static final Instant LATER = CREATED.plus(Duration.ofHours(2));
    static final Instant EVEN_LATER = LATER.plus(Duration.ofHours(3));

    private final Customer customer =
            new Customer("C-1", "Jane Doe", "jane@example.com", "+49 30 1234567", Region.EU, CREATED);

    private static TicketDetails details() {
        return new TicketDetails("Printer jams", "Tray 2 jams on every page.", TicketPriority.NORMAL, "HARDWARE",
                "PRN-4410", "BER-02", "agent.one");
    }

    private Ticket newTicket() {
        return new Ticket(details(), customer, Region.EU, CREATED);
    }

    private static Set<String> fields(DomainRuleViolationException e) {
        return e.getViolations().stream().map(FieldViolation::field).collect(Collectors.toSet());
    }

    // --- construction ---------------------------------------------------------------------------

    @Test
    void newTicketIsOpenAndCarriesItsDetails() {
        Ticket ticket = new Ticket(new TicketDetails("  Printer jams  ", "d", TicketPriority.LOW, "HARDWARE",
                null, null, null), customer, Region.EU, CREATED);
        assertEquals(TicketStatus.OPEN, ticket.getStatus());
        assertEquals("Printer jams", ticket.getSubject(), "subject is stored trimmed");
        assertEquals(CREATED, ticket.getCreatedAt());
        assertEquals(CREATED, ticket.getUpdatedAt());
        assertNull(ticket.getResolvedAt());
        assertSame(customer, ticket.getCustomer());
        assertEquals(Region.EU, ticket.getRegion());
    }

    @Test
    void constructionRequiresCustomerAndRegion() {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new Ticket(details(), null, null, CREATED));
        assertEquals(Set.of("customerId", "region"), fields(e));
    }

    @Test
    void aTicketStaysInItsCustomersRegion() {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new Ticket(details(), customer, Region.US, CREATED));
        assertEquals(Set.of("region"), fields(e));
    }

    @Test
    void revisionReportsDetailAndLifecycleViolationsTogether() {
        Ticket ticket = newTicket();
        TicketDetails bad = new TicketDetails("", "d", TicketPriority.LOW, "HARDWARE", null, null, null);
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(bad, TicketStatus.CLOSED, null, LATER));
        assertEquals(Set.of("subject", "status"), fields(e));
        assertEquals(TicketStatus.OPEN, ticket.getStatus());
    }

    @Test
    void constructionValidatesTheDetails() {
        TicketDetails bad = new TicketDetails("", "d", TicketPriority.LOW, "HARDWARE", "bad", null, null);
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new Ticket(bad, customer, Region.EU, CREATED));
        assertEquals(Set.of("subject", "productSku"), fields(e));
    }

    // --- resolution time ------------------------------------------------------------------------

    @Test
    void resolvingWithoutATimeUsesNow() {
        Ticket ticket = newTicket();
        Set<String> changed = ticket.revise(details(), TicketStatus.RESOLVED, null, LATER);
        assertEquals(TicketStatus.RESOLVED, ticket.getStatus());
        assertEquals(LATER, ticket.getResolvedAt());
        assertEquals(LATER, ticket.getUpdatedAt());
        assertEquals(Set.of("status", "resolvedAt"), changed);
    }

    @Test
    void resolvingWithAnExplicitPastTimeKeepsThatTime() {
        Ticket ticket = newTicket();
        Instant when = CREATED.plus(Duration.ofMinutes(30));
        ticket.revise(details(), TicketStatus.RESOLVED, when, LATER);
        assertEquals(when, ticket.getResolvedAt());
    }

    @Test
    void resolutionTimeMayEqualCreationOrNow() {
        // Both bounds are inclusive.
        Ticket atCreation = newTicket();
        atCreation.revise(details(), TicketStatus.RESOLVED, CREATED, LATER);
        assertEquals(CREATED, atCreation.getResolvedAt());

        Ticket atNow = newTicket();
        atNow.revise(details(), TicketStatus.RESOLVED, LATER, LATER);
        assertEquals(LATER, atNow.getResolvedAt());
    }

    @Test
    void resolutionTimeInTheFutureIsRejected() {
        Ticket ticket = newTicket();
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(details(), TicketStatus.RESOLVED, LATER.plusMillis(1), LATER));
        assertEquals(Set.of("resolvedAt"), fields(e));
        assertUnchanged(ticket);
    }

    @Test
    void resolutionTimeBeforeCreationIsRejected() {
        Ticket ticket = newTicket();
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(details(), TicketStatus.RESOLVED, CREATED.minusMillis(1), LATER));
        assertEquals(Set.of("resolvedAt"), fields(e));
        assertUnchanged(ticket);
    }

    @Test
    void resolutionTimeOnAnUnresolvedTicketIsRejected() {
        Ticket ticket = newTicket();
        DomainRuleViolationException explicitOpen = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(details(), TicketStatus.OPEN, LATER, LATER));
        assertEquals(Set.of("resolvedAt"), fields(explicitOpen));
        // null status means "keep the current one" (OPEN), so the same rule applies
        DomainRuleViolationException keptOpen = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(details(), null, LATER, LATER));
        assertEquals(Set.of("resolvedAt"), fields(keptOpen));
        DomainRuleViolationException inProgress = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(details(), TicketStatus.IN_PROGRESS, LATER, LATER));
        assertEquals(Set.of("resolvedAt"), fields(inProgress));
        assertUnchanged(ticket);
    }

    @Test
    void reopeningWithinTheWindowClearsTheResolutionTime() {
        Ticket ticket = newTicket();
        ticket.revise(details(), TicketStatus.RESOLVED, null, LATER);
        // a plain status change does not reopen: a reopen needs a reason and the window
        DomainRuleViolationException plain = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(details(), TicketStatus.IN_PROGRESS, null, EVEN_LATER));
        assertEquals(Set.of("status"), fields(plain));
        ticket.reopen(java.time.Duration.ofDays(14), EVEN_LATER);
        assertEquals(TicketStatus.IN_PROGRESS, ticket.getStatus());
        assertNull(ticket.getResolvedAt());
        assertEquals(EVEN_LATER, ticket.getUpdatedAt());
    }

    @Test
    void aClosedTicketReopensWithinTheWindowAndNotAfter() {
        Ticket late = closedTicket();
        java.time.Instant until = late.reopenableUntil(java.time.Duration.ofDays(1));
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> late.reopen(java.time.Duration.ofDays(1), until));
        assertTrue(e.getMessage().contains("follow-up"), e.getMessage());
        assertEquals(TicketStatus.CLOSED, late.getStatus());
        Ticket early = closedTicket();
        early.reopen(java.time.Duration.ofDays(1), until.minusSeconds(1));
        assertEquals(TicketStatus.IN_PROGRESS, early.getStatus());
        assertThrows(DomainRuleViolationException.class, () -> newTicket().reopen(java.time.Duration.ofDays(1), LATER),
                "an open ticket is not reopened");
    }

    @Test
    void aWaitingTicketGoesBackToWorkWhenTheCustomerAnswers() {
        Ticket ticket = newTicket();
        ticket.revise(details(), TicketStatus.WAITING_ON_CUSTOMER, null, LATER);
        assertTrue(ticket.customerAnswered(EVEN_LATER));
        assertEquals(TicketStatus.IN_PROGRESS, ticket.getStatus());
        assertFalse(ticket.customerAnswered(EVEN_LATER), "only a waiting ticket changes");
    }

    @Test
    void aDuplicateIsClosedFromAnyOpenStatus() {
        Ticket ticket = newTicket();
        ticket.closeAsDuplicate(LATER);
        assertEquals(TicketStatus.CLOSED, ticket.getStatus());
        assertEquals(LATER, ticket.getResolvedAt());
        assertThrows(DomainRuleViolationException.class, () -> ticket.closeAsDuplicate(EVEN_LATER));
    }

    @Test
    void closingKeepsTheOriginalResolutionTime() {
        Ticket ticket = newTicket();
        ticket.revise(details(), TicketStatus.RESOLVED, null, LATER);
        Set<String> changed = ticket.revise(details(), TicketStatus.CLOSED, null, EVEN_LATER);
        assertEquals(TicketStatus.CLOSED, ticket.getStatus());
        assertEquals(LATER, ticket.getResolvedAt(), "closing must not move the resolution time to 'now'");
        assertEquals(Set.of("status"), changed);
    }

    @Test
    void staysResolvedWithoutTimeKeepsResolutionTime() {
        Ticket ticket = newTicket();
        ticket.revise(details(), TicketStatus.RESOLVED, null, LATER);
        Set<String> changed = ticket.revise(details(), TicketStatus.RESOLVED, null, EVEN_LATER);
        assertEquals(LATER, ticket.getResolvedAt());
        assertTrue(changed.isEmpty());
    }

    // --- changed fields and atomicity -----------------------------------------------------------

    @Test
    void returnsExactlyTheFieldsThatChanged() {
        Ticket ticket = newTicket();
        TicketDetails d = details();
        TicketDetails revised = new TicketDetails("Printer jams badly", d.description(), TicketPriority.URGENT,
                d.category(), d.productSku(), null, d.assignee());
        Set<String> changed = ticket.revise(revised, null, null, LATER);
        assertEquals(Set.of("subject", "priority", "siteCode"), changed);
        assertEquals("Printer jams badly", ticket.getSubject());
        assertEquals(TicketPriority.URGENT, ticket.getPriority());
        assertNull(ticket.getSiteCode());
        assertEquals(TicketStatus.OPEN, ticket.getStatus());
        assertEquals(LATER, ticket.getUpdatedAt());
    }

    @Test
    void everyDescriptiveFieldIsTracked() {
        Ticket ticket = newTicket();
        TicketDetails revised = new TicketDetails("Other", "Other text", TicketPriority.LOW, "NETWORK",
                "NET-100", "PAR-01", "agent.two");
        Set<String> changed = ticket.revise(revised, TicketStatus.IN_PROGRESS, null, LATER);
        assertEquals(Set.of("subject", "description", "priority", "category", "productSku", "siteCode",
                "assignee", "status"), changed);
        assertEquals(revised, ticket.details());
    }

    @Test
    void noChangeMeansEmptySetAndNoUpdateTime() {
        Ticket ticket = newTicket();
        Set<String> changed = ticket.revise(details(), TicketStatus.OPEN, null, LATER);
        assertTrue(changed.isEmpty());
        assertEquals(CREATED, ticket.getUpdatedAt(), "an empty revision is not activity");
    }

    @Test
    void invalidTransitionAppliesNothing() {
        Ticket ticket = newTicket();
        TicketDetails d = details();
        TicketDetails revised = new TicketDetails("New subject", d.description(), TicketPriority.URGENT,
                d.category(), d.productSku(), d.siteCode(), d.assignee());
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(revised, TicketStatus.CLOSED, null, LATER));
        assertEquals(Set.of("status"), fields(e));
        assertUnchanged(ticket);
    }

    @Test
    void invalidDetailsApplyNothing() {
        Ticket ticket = newTicket();
        TicketDetails bad = new TicketDetails("Fine subject", "d", TicketPriority.URGENT, "HARDWARE", "nope",
                null, null);
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(bad, TicketStatus.IN_PROGRESS, null, LATER));
        assertEquals(Set.of("productSku"), fields(e));
        assertUnchanged(ticket);
    }

    @Test
    void closedTicketCannotBeReopened() {
        Ticket ticket = closedTicket();
        for (TicketStatus target : new TicketStatus[] {TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
                TicketStatus.RESOLVED}) {
            DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                    () -> ticket.revise(details(), target, null, EVEN_LATER.plusSeconds(1)));
            assertEquals(Set.of("status"), fields(e));
            assertEquals(TicketStatus.CLOSED, ticket.getStatus());
        }
    }

    /** The subject is stored trimmed, so padding alone must not be reported (and audited) as a change. */
    @Test
    void whitespaceOnlySubjectDifferenceIsNotAChange() {
        Ticket ticket = newTicket();
        TicketDetails d = details();
        TicketDetails padded = new TicketDetails(d.subject() + "  ", d.description(), d.priority(), d.category(),
                d.productSku(), d.siteCode(), d.assignee());
        Set<String> changed = ticket.revise(padded, null, null, LATER);
        assertEquals("Printer jams", ticket.getSubject());
        assertTrue(changed.isEmpty(), "nothing actually changed, but got " + changed);
        assertEquals(CREATED, ticket.getUpdatedAt());
    }

    @Test
    void closedTicketKeepsItsResolutionTime() {
        Ticket ticket = closedTicket();
        Instant other = CREATED.plus(Duration.ofMinutes(5));
        DomainRuleViolationException refused = assertThrows(DomainRuleViolationException.class,
                () -> ticket.revise(details(), TicketStatus.CLOSED, other, EVEN_LATER.plusSeconds(1)));
        assertEquals("status", refused.getViolations().get(0).field());
        assertEquals(LATER, ticket.getResolvedAt(), "a closed ticket is final");
    }

    // --- comments -------------------------------------------------------------------------------

    @Test
    void commentCountsAsActivity() {
        Ticket ticket = newTicket();
        Comment comment = new Comment(ticket, "Tried a new toner.", CommentVisibility.INTERNAL, "agent.one", LATER);
        assertSame(ticket, comment.getTicket());
        assertEquals(LATER, comment.getCreatedAt());
        assertEquals(LATER, ticket.getUpdatedAt());
    }

    @Test
    void resolvedTicketStillTakesComments() {
        Ticket ticket = newTicket();
        ticket.revise(details(), TicketStatus.RESOLVED, null, LATER);
        new Comment(ticket, "Thanks!", CommentVisibility.PUBLIC, "jane", EVEN_LATER);
        assertEquals(EVEN_LATER, ticket.getUpdatedAt());
    }

    @Test
    void closedTicketRefusesComments() {
        Ticket ticket = closedTicket();
        Instant updatedBefore = ticket.getUpdatedAt();
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new Comment(ticket, "One more thing", CommentVisibility.PUBLIC, "jane", EVEN_LATER.plusSeconds(1)));
        assertEquals(Set.of("ticketId"), fields(e));
        assertEquals(updatedBefore, ticket.getUpdatedAt());
    }

    @Test
    void invalidCommentIsRejectedWithAllFieldsAndIsNotActivity() {
        Ticket ticket = newTicket();
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new Comment(ticket, "   ", null, "agent.one", LATER));
        assertEquals(Set.of("body", "visibility"), fields(e));
        assertEquals(CREATED, ticket.getUpdatedAt());
    }

    @Test
    void commentBodyIsBounded() {
        Ticket ticket = newTicket();
        new Comment(ticket, "b".repeat(Comment.BODY_MAX), CommentVisibility.PUBLIC, "a", LATER);
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new Comment(ticket, "b".repeat(Comment.BODY_MAX + 1), CommentVisibility.PUBLIC, "a", LATER));
        assertEquals(Set.of("body"), fields(e));
    }

    // --- helpers --------------------------------------------------------------------------------

    private Ticket closedTicket() {
        Ticket ticket = newTicket();
        ticket.revise(details(), TicketStatus.RESOLVED, null, LATER);
        ticket.revise(details(), TicketStatus.CLOSED, null, EVEN_LATER);
        return ticket;
    }

    /** The state of a fresh ticket: a rejected revision must leave every bit of it in place. */
    private static void assertUnchanged(Ticket ticket) {
        assertEquals(TicketStatus.OPEN, ticket.getStatus());
        assertEquals(details(), ticket.details());
        assertNull(ticket.getResolvedAt());
        assertEquals(CREATED, ticket.getUpdatedAt());
    }

    // --- what was removed at ingest (#20) ----------------------------------------------------------

    @Test
    void redactedTypesAddUpAcrossWritesAndGoWithAnonymization() {
        Ticket ticket = newTicket();
        assertEquals(List.of(), ticket.getRedactedTypes());
        ticket.noteRedacted(Set.of());
        assertEquals(List.of(), ticket.getRedactedTypes());
        ticket.noteRedacted(Set.of(PiiType.SECRET));
        ticket.noteRedacted(Set.of(PiiType.CREDIT_CARD));
        assertEquals(List.of("CREDIT_CARD", "SECRET"), ticket.getRedactedTypes(), "enum order, each once");
        ticket.anonymize(LATER);
        assertEquals(List.of(), ticket.getRedactedTypes(), "no text left to explain");
    }

    @Test
    void aCommentRemembersWhatWasRemovedFromItsBody() {
        Comment comment = new Comment(newTicket(), "card 4111 11** **** 1111", CommentVisibility.PUBLIC,
                "agent.one", LATER);
        comment.noteRedacted(Set.of(PiiType.CREDIT_CARD));
        assertEquals(List.of("CREDIT_CARD"), comment.getRedactedTypes());
    }
}
