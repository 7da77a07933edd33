/**
 * The portal's customer directory (#23): finding customers by name, e-mail or phone as the policy shows them, a
 * customer's tickets and consent on their page, the customer's name on a ticket and the customer picker of a new
 * ticket.
 */
package org.custodian.interfaces.web.customer;
