package org.custodian.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketDetailsTest {

    static TicketDetails valid() {
        return new TicketDetails("Laptop does not boot", "Black screen after the update.", TicketPriority.HIGH,
                "HARDWARE", "LAP-1234", "FRA-01", "j.smith");
    }

    static TicketDetails withSubject(String subject) {
        TicketDetails d = valid();
        return new TicketDetails(subject, d.description(), d.priority(), d.category(), d.productSku(), d.siteCode(),
                d.assignee());
    }

    static TicketDetails withSku(String sku) {
        TicketDetails d = valid();
        return new TicketDetails(d.subject(), d.description(), d.priority(), d.category(), sku, d.siteCode(),
                d.assignee());
    }

    static TicketDetails withSite(String site) {
        TicketDetails d = valid();
        return new TicketDetails(d.subject(), d.description(), d.priority(), d.category(), d.productSku(), site,
                d.assignee());
    }

    static TicketDetails withCategory(String category) {
        TicketDetails d = valid();
        return new TicketDetails(d.subject(), d.description(), d.priority(), category, d.productSku(), d.siteCode(),
                d.assignee());
    }

    static TicketDetails withAssignee(String assignee) {
        TicketDetails d = valid();
        return new TicketDetails(d.subject(), d.description(), d.priority(), d.category(), d.productSku(),
                d.siteCode(), assignee);
    }

    static Set<String> violatedFields(TicketDetails details) {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class, details::validate);
        return e.getViolations().stream().map(FieldViolation::field).collect(Collectors.toSet());
    }

    @Test
    void validDetailsPass() {
        assertDoesNotThrow(() -> valid().validate());
    }

    @Test
    void optionalCodedFieldsMayBeAbsent() {
        assertDoesNotThrow(() -> new TicketDetails("s", "d", TicketPriority.LOW, "BACKUP", null, null, null)
                .validate());
    }

    @Test
    void everyBadFieldIsReportedInOneGo() {
        TicketDetails bad = new TicketDetails("  ", "", null, "hardware", "lap-1", "fra-1", "J Smith");
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class, bad::validate);
        assertEquals(Set.of("subject", "description", "priority", "category", "productSku", "siteCode", "assignee"),
                e.getViolations().stream().map(FieldViolation::field).collect(Collectors.toSet()));
        // one violation per field, no duplicates
        assertEquals(7, e.getViolations().size());
    }

    @Test
    void nullTextAndNullCategoryAreReported() {
        assertEquals(Set.of("subject", "description", "category"),
                violatedFields(new TicketDetails(null, null, TicketPriority.NORMAL, null, null, null, null)));
    }

    @Test
    void subjectOfExactlyMaxLengthIsAccepted() {
        assertEquals(200, TicketDetails.SUBJECT_MAX);
        assertDoesNotThrow(() -> withSubject("x".repeat(200)).validate());
    }

    @Test
    void subjectOneOverMaxLengthIsRejected() {
        assertEquals(Set.of("subject"), violatedFields(withSubject("x".repeat(201))));
    }

    @Test
    void descriptionLengthIsBounded() {
        TicketDetails d = valid();
        assertDoesNotThrow(() -> new TicketDetails(d.subject(), "y".repeat(20_000), d.priority(), d.category(),
                null, null, null).validate());
        assertEquals(Set.of("description"), violatedFields(new TicketDetails(d.subject(), "y".repeat(20_001),
                d.priority(), d.category(), null, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB-123", "ABCDE-123456", "ABCDE-123456-X1Z", "LAP-1234-A", "AB-123-9"})
    void wellFormedSkusAreAccepted(String sku) {
        assertDoesNotThrow(() -> withSku(sku).validate());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "A-123",              // one capital only
            "ABCDEF-123",         // six capitals
            "ABC-12",             // two digits
            "ABC-1234567",        // seven digits
            "abc-1234",           // lower case
            "ABC-1234-x1",        // lower-case variant
            "ABC-1234-X1ZZ",      // variant too long
            "ABC-1234-",          // dangling dash
            "ABC1234",            // no dash
            " ABC-1234",          // surrounding white space is not trimmed
            ""})
    void malformedSkusAreRejected(String sku) {
        assertEquals(Set.of("productSku"), violatedFields(withSku(sku)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FRA-01", "NYC-99"})
    void wellFormedSiteCodesAreAccepted(String site) {
        assertDoesNotThrow(() -> withSite(site).validate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"FRA-1", "FRA-001", "FR-01", "FRAN-01", "fra-01", "FRA01", ""})
    void malformedSiteCodesAreRejected(String site) {
        assertEquals(Set.of("siteCode"), violatedFields(withSite(site)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HARDWARE", "BACKUP", "ACCESS_RIGHTS", "AB"})
    void upperCaseCategoriesAreAccepted(String category) {
        assertDoesNotThrow(() -> withCategory(category).validate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hardware", "H", "_HARDWARE", "HARD WARE", "HARDWARE1", ""})
    void otherCategoriesAreRejected(String category) {
        assertEquals(Set.of("category"), violatedFields(withCategory(category)));
    }

    @Test
    void categoryLengthIsBoundedAtForty() {
        assertDoesNotThrow(() -> withCategory("A".repeat(40)).validate());
        assertEquals(Set.of("category"), violatedFields(withCategory("A".repeat(41))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsmith", "j.smith", "agent_7", "a-b", "ab", "jsmith@example.com"})
    void usernamesAreAcceptedAsAssignee(String assignee) {
        assertDoesNotThrow(() -> withAssignee(assignee).validate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"J.Smith", "j smith", "j", ".jsmith", "jsmith+x@example.com", ""})
    void nonUsernamesAreRejectedAsAssignee(String assignee) {
        assertEquals(Set.of("assignee"), violatedFields(withAssignee(assignee)));
    }
}
