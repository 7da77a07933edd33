/** Tickets, their comments, lifecycle rules and the formats of their coded fields. */
package org.custodian.domain.model.ticket;
