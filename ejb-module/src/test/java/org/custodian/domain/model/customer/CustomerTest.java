package org.custodian.domain.model.customer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {

    static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    private static Set<String> violatedFields(String externalId, String name, String email, String phone,
            Region region) {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new Customer(externalId, name, email, phone, region, NOW));
        return e.getViolations().stream().map(FieldViolation::field).collect(Collectors.toSet());
    }

    @Test
    void validCustomerIsCreatedWithTrimmedValues() {
        Customer c = new Customer("C-1", "  Jane Doe ", " jane@example.com ", " +49 30 1234567 ", Region.EU, NOW);
        assertEquals("C-1", c.getExternalId());
        assertEquals("Jane Doe", c.getName());
        assertEquals("jane@example.com", c.getEmail());
        assertEquals("+49 30 1234567", c.getPhone());
        assertEquals(Region.EU, c.getRegion());
        assertEquals(NOW, c.getCreatedAt());
    }

    @Test
    void contactDetailsAndExternalIdAreOptional() {
        Customer c = new Customer(null, "Jane Doe", null, null, Region.UK, NOW);
        assertNull(c.getExternalId());
        assertNull(c.getEmail());
        assertNull(c.getPhone());
    }

    @Test
    void everyBadFieldIsReportedInOneGo() {
        assertEquals(Set.of("externalId", "name", "email", "phone", "region"),
                violatedFields("-bad", " ", "not-an-email", "12", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com", "jane.doe+tickets@mail.example.co.uk", "j@ex.de"})
    void emailAddressesAreAccepted(String email) {
        assertDoesNotThrow(() -> new Customer("C-1", "Jane", email, null, Region.EU, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@", "@example.com", "jane@example", "jane@example.c", "jane doe@example.com",
            "jane@@example.com", "jane@exa mple.com", ""})
    void badEmailAddressesAreRejected(String email) {
        assertEquals(Set.of("email"), violatedFields("C-1", "Jane", email, null, Region.EU));
    }

    @Test
    void emailLocalPartAndTotalLengthAreBounded() {
        assertDoesNotThrow(() -> new Customer(null, "Jane", "a".repeat(64) + "@example.com", null, Region.EU, NOW));
        assertEquals(Set.of("email"), violatedFields(null, "Jane", "a".repeat(65) + "@example.com", null, Region.EU));
        // 255 characters in all: over the 254 limit of an address
        String longDomain = "b".repeat(255 - "a@".length() - ".com".length()) + ".com";
        assertEquals(Set.of("email"), violatedFields(null, "Jane", "a@" + longDomain, null, Region.EU));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 30 1234567", "+44 20 7946 0958", "030-1234567", "123456", "+123456789012345",
            "030 (123) 4567", "(030) 1234567"})
    void phoneNumbersAreAccepted(String phone) {
        assertDoesNotThrow(() -> new Customer("C-1", "Jane", null, phone, Region.EU, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12345",                // five digits: too few
            "12 345",               // five digits with a separator: long enough for the pattern, still too few
            "+1234567890123456",    // sixteen digits: too many
            "+49 30 CALL-ME",       // letters
            "0800-FLOWERS",
            "+49 30 1234567 ext 5",
            "++49 30 1234567",
            "49/30/1234567",        // '/' is not a separator we accept
            ""})
    void badPhoneNumbersAreRejected(String phone) {
        assertEquals(Set.of("phone"), violatedFields("C-1", "Jane", null, phone, Region.EU));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C-1", "crm:4711", "a", "A.b_c-d:e"})
    void externalIdsAreAccepted(String externalId) {
        assertDoesNotThrow(() -> new Customer(externalId, "Jane", null, null, Region.EU, NOW));
    }

    @Test
    void externalIdLengthIsBoundedAtSixtyFour() {
        assertDoesNotThrow(() -> new Customer("x".repeat(64), "Jane", null, null, Region.EU, NOW));
        assertEquals(Set.of("externalId"), violatedFields("x".repeat(65), "Jane", null, null, Region.EU));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-C1", ".C1", "C 1", "C/1", "C#1", ""})
    void badExternalIdsAreRejected(String externalId) {
        assertEquals(Set.of("externalId"), violatedFields(externalId, "Jane", null, null, Region.EU));
    }

    @Test
    void nameIsRequired() {
        assertEquals(Set.of("name"), violatedFields("C-1", null, null, null, Region.EU));
        assertEquals(Set.of("name"), violatedFields("C-1", "   ", null, null, Region.EU));
    }

    @Test
    void nameIsBounded() {
        assertDoesNotThrow(() -> new Customer(null, "n".repeat(200), null, null, Region.EU, NOW));
        assertEquals(Set.of("name"), violatedFields(null, "n".repeat(201), null, null, Region.EU));
    }

    @Test
    void regionIsRequiredAndTheMessageListsTheChoices() {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> new Customer("C-1", "Jane", null, null, null, NOW));
        assertEquals(1, e.getViolations().size());
        assertEquals("region", e.getViolations().get(0).field());
        assertEquals("is required; one of EU, UK, US, CA, APAC, LATAM, MEA", e.getViolations().get(0).message());
    }

    @Test
    void regionParsingIsCaseInsensitiveAndTrims() {
        assertEquals(Region.APAC, Region.parse(" apac ").orElseThrow());
        assertEquals(Region.EU, Region.parse("EU").orElseThrow());
        assertTrue(Region.parse("EUROPE").isEmpty());
        assertTrue(Region.parse(null).isEmpty());
    }
}
