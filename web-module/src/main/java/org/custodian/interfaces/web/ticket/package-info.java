/**
 * The agent portal: the ticket queue with filters and paging, ticket detail (fields as the policy shows them to
 * this user, masked or left out exactly as in the API), new tickets, comments, status changes, and customers.
 * Every read and write goes through the same EJB services as the API; nothing here decides access.
 */
package org.custodian.interfaces.web.ticket;
