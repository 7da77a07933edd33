package org.custodian.application.customer;

import java.io.Serializable;
import java.util.List;

/**
 * What the caller may change of one customer (#23, the portal's edit form): the changeable fields (not hidden from
 * them) and which of those they see in full now (by role or by a reveal in force). A field seen only masked may be
 * replaced by a whole new value but is never offered with its current value. No values, nothing audited.
 */
public record CustomerEditing(List<String> changeable, List<String> shownInFull) implements Serializable {

    /** Nothing to edit: the caller may not change this customer. */
    public static final CustomerEditing NONE = new CustomerEditing(List.of(), List.of());

    public CustomerEditing {
        changeable = List.copyOf(changeable);
        shownInFull = List.copyOf(shownInFull);
    }

    public boolean isAllowed() {
        return !changeable.isEmpty();
    }

    public boolean inFull(String field) {
        return shownInFull.contains(field);
    }
}
