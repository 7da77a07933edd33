/** Batch artifacts of the audit-verify job: reader, link processor, broken-link writer, listeners. */
package org.custodian.infrastructure.batch.audit;
