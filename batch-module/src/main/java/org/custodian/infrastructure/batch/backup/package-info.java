/** Batch artifacts of the backup-export job: the export and expiry batchlets and the job listener. */
package org.custodian.infrastructure.batch.backup;
