package org.custodian.application.reveal;

import java.util.List;
import org.custodian.application.shared.Caller;

/** Reveal one field, with a reason (#23). */
public interface RevealService {

    /** Fields of the ticket and of its customer ({@code ticket.*}, {@code customer.*}). */
    RevealView revealOnTicket(Caller caller, long ticketId, RevealRequest request);

    /** Fields of the customer ({@code customer.*}). */
    RevealView revealOnCustomer(Caller caller, long customerId, RevealRequest request);

    /**
     * For the portal's Reveal buttons: the masked fields the caller may reveal on the record ("TICKET" also lists
     * its customer's, when the caller may read customers), and those revealed with their end. Reads no values and
     * audits nothing; an unreadable record has none.
     */
    List<RevealableField> revealable(Caller caller, String resourceType, long id);
}
