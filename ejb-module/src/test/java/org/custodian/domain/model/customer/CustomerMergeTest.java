package org.custodian.domain.model.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.junit.jupiter.api.Test;

/** The rules of merging two records of one person (#23): what may become a tombstone of what. */
class CustomerMergeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static Customer customer(long id) throws ReflectiveOperationException {
        Customer customer = new Customer(null, "Erin " + id, null, null, Region.EU, NOW);
        Field field = Customer.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(customer, id);
        return customer;
    }

    private static String refusal(Customer duplicate, Customer survivor) {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> duplicate.mergeInto(survivor, NOW));
        return e.getViolations().stream().map(FieldViolation::message).reduce("", String::concat);
    }

    @Test
    void aDuplicateBecomesATombstonePointingToTheSurvivor() throws Exception {
        Customer survivor = customer(1);
        Customer duplicate = customer(2);
        duplicate.mergeInto(survivor, NOW);
        assertTrue(duplicate.isTombstone());
        assertEquals(1L, duplicate.getMergedInto());
        assertEquals(NOW, duplicate.getMergedAt());
        assertFalse(survivor.isTombstone());
        assertEquals("Erin 2", duplicate.getName(), "its fields stay: erasing the survivor erases them too");
    }

    @Test
    void noRecordIsMergedIntoItselfTwiceOrIntoATombstone() throws Exception {
        Customer survivor = customer(1);
        assertTrue(refusal(survivor, survivor).contains("itself"));
        Customer duplicate = customer(2);
        duplicate.mergeInto(survivor, NOW);
        assertTrue(refusal(duplicate, customer(3)).contains("already merged into customer 1"));
        assertTrue(refusal(customer(4), duplicate).contains("merged into customer 1; merge into that one"));
    }
}
