package org.custodian.application.customer;

import java.util.List;

/**
 * The outcome of a change with the duplicate check (#23): either the changed record, or the other customers that
 * already have the new e-mail address or phone number (nothing was changed; ask again with {@code allowDuplicate}).
 */
public record CustomerRevision(CustomerView revised, List<Registration.Duplicate> duplicates) {

    public CustomerRevision {
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    }

    public boolean isDuplicate() {
        return revised == null;
    }
}
