package org.custodian.application.customer;

import org.custodian.application.shared.Caller;
import org.custodian.application.shared.PageResult;

/**
 * The customer directory (#23): finding customers by name, e-mail or phone as the policy lets each caller, changing
 * them, and registering without silent duplicates. Always through policy and audit.
 */
public interface CustomerDirectoryService {

    /**
     * Customers of the caller's regions (or of {@code region}) whose name, e-mail or phone matches the text as the
     * caller sees the field: a fragment of a field shown in full, only the whole value of a masked one (an e-mail
     * address in any case, a number in any spelling), never a hidden one. Exact finds by a masked field are audited
     * as CUSTOMER_LOOKUP.
     */
    PageResult<CustomerView> search(Caller caller, CustomerQuery query);

    /**
     * Registers the customer unless one the caller may see already has the e-mail address or phone number (then
     * nothing is created and the existing ones are returned), or {@code allowDuplicate}.
     */
    Registration register(Caller caller, NewCustomer customer, boolean allowDuplicate);

    /**
     * Changes name, e-mail, phone or national id (a merge patch); {@code expectedVersion} (If-Match) null means any.
     * Audited with personal values before and after as keyed hashes.
     */
    CustomerView revise(Caller caller, long id, CustomerChanges changes, Long expectedVersion);

    /**
     * As {@link #revise(Caller, long, CustomerChanges, Long)}, but a new e-mail address or phone number that another
     * customer the caller may look up by that field already has changes nothing and returns those customers (as the
     * policy shows them, the look-up audited as on registration), unless {@code allowDuplicate}.
     */
    CustomerRevision revise(Caller caller, long id, CustomerChanges changes, Long expectedVersion,
            boolean allowDuplicate);

    /** What the caller may change of the customer and which of it they see in full (the portal's edit form). */
    CustomerEditing editing(Caller caller, long id);

    /**
     * The customer's name as the policy shows it to the caller (masked, or absent when hidden), for a link to the
     * customer from a ticket: only the name is read and audited.
     */
    CustomerView summary(Caller caller, long id);
}
