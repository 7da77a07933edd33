/** Opening, reading, revising, searching and commenting on tickets, through policy and audit. */
package org.custodian.application.ticket;
