package org.custodian.domain.model.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the directory compares whole values (#23): the same normalisation for the query and the stored value. */
class CustomerLookupKeysTest {

    private static CustomerSearch search(String text) {
        return new CustomerSearch(text, List.of(), Set.of(), CustomerSearch.Order.ID, 0, 20);
    }

    @Test
    void anAddressIsComparedTrimmedAndInLowerCase() {
        assertEquals("jane.doe@example.com", Customer.emailKey("  Jane.Doe@EXAMPLE.com "));
        assertEquals("", Customer.emailKey(null));
    }

    @Test
    void aNameIsComparedWithSingleSpacesInLowerCase() {
        assertEquals("jane van der berg", Customer.nameKey(" Jane  van\tder Berg "));
    }

    @Test
    void aNumberIsComparedByItsDigitsAndOnlyPhoneLikeTextIsOne() {
        assertEquals(Customer.phoneDigits("+49 30 1234567"), Customer.phoneDigits("+49 (30) 123-45.67"));
        assertTrue(search("+49 (30) 123-45.67").phoneLike());
        assertFalse(search("Jane 3").phoneLike(), "a name with a digit is no phone number");
        assertFalse(search("12").phoneLike(), "two digits match too much");
        assertFalse(search(null).phoneLike());
    }
}
