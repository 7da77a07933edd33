/**
 * Legacy import (#24): CSV (RFC 4180) or JSON lines exports of another help desk, mapped column by column onto
 * customers, tickets and comments, checked row by row (a dry run reports without writing), and written by the
 * legacy-import job idempotently on the source's external ids, through the same redaction and audit trail as
 * every other input.
 */
package org.custodian.application.imports;
