/**
 * The pii-rescan job: stored tickets, comments and text attachments read again with the current PII detector, in
 * three chunk steps that restart from their committed positions.
 */
package org.custodian.infrastructure.batch.pii;
