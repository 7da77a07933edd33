/**
 * Access review campaigns (#22): opening one snapshots each user's access as items, reviewers keep or revoke them
 * (a revocation takes effect at once and ends the user's tokens), the deadline revokes or escalates what nobody
 * decided, and the close writes one outcome event with the digest of the whole record into the signed audit
 * trail. Also the dormant and orphaned accounts report and its optional automatic disable.
 */
package org.custodian.application.review;
