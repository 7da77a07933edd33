/**
 * The people pages of the admin console (#22): users, four-eyes role grants, teams, service accounts and their
 * keys, access reviews and dormant accounts. One {@code *Bean} per page; each calls the EJB services the API calls,
 * every action ends in a redirect (post-redirect-get), and a secret shown once travels only in the flash.
 */
package org.custodian.interfaces.web.people;
