package org.custodian.application.customer;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The outcome of registering a customer with the duplicate check: either the new record, or the existing ones
 * with the same e-mail address or phone number (nothing was created; send {@code allowDuplicate} to create anyway).
 */
public record Registration(CustomerView created, List<Duplicate> duplicates) {

    /**
     * An existing customer the new one may be: its id, which of the given values it shares ({@code email},
     * {@code phone}) and its fields as the policy shows them to the caller.
     */
    public record Duplicate(long id, List<String> matched, Map<String, Object> shown) implements Serializable {
    }

    public boolean isDuplicate() {
        return created == null;
    }
}
