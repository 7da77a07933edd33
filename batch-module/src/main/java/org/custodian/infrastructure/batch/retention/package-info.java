/**
 * The retention-purge job: tickets in id order (checkpoint: last id and the asOf instant fixed at the first
 * start), decided by policy and legal holds, anonymized or deleted in the chunk's transaction.
 */
package org.custodian.infrastructure.batch.retention;
