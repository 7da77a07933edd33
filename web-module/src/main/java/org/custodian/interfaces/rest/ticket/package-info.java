/** /api/v1/tickets and their comments. */
package org.custodian.interfaces.rest.ticket;
