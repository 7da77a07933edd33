/**
 * User administration (#22): creating, changing, inviting and disabling users; the four-eyes rule for grants of
 * roles that see personal data or administer people; one-time invitation links. Every change is audited with
 * before and after, personal values as keyed hashes.
 */
package org.custodian.application.user;
