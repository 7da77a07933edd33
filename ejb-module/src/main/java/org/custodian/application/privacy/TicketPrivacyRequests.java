package org.custodian.application.privacy;

import java.time.Instant;
import java.util.Set;
import org.custodian.application.shared.Caller;

/**
 * A subject request made from a ticket in one step (#24): the agent who reads a customer's mail asking for access,
 * erasure and the like registers it for the ticket's customer; the privacy officer verifies the identity and works it.
 */
public interface TicketPrivacyRequests {

    /**
     * Registers a request of this type (ACCESS, PORTABILITY, RECTIFICATION, ERASURE, RESTRICTION) for the ticket's
     * customer, received when the ticket's latest mail came (else now), with the ticket and that mail as its source.
     */
    Made fromTicket(Caller caller, long ticketId, String type);

    /** What the agent learns: the request, its deadline, and that the identity is still to be verified. */
    record Made(long id, String type, String status, Set<Long> subjectCustomerIds, Instant receivedAt, Instant dueAt,
            boolean identityVerified, long sourceTicketId, Long sourceMailId) {
    }
}
