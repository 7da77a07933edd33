/**
 * Backups: the catalog as callers see it (sets, verification, restore reports, each checked against permissions)
 * apart from the ledger the backup jobs keep (sets begun, completed, failed, verified and expired, restore runs),
 * tiered expiry, residency of targets, and the incidents a failure opens. Exporting, restoring and the files of a
 * set are behind ports (BackupExporter, BackupRestorer, BackupSetStore, SchemaVersion) that the infrastructure
 * implements with PostgreSQL, OpenPGP and the set format.
 */
package org.custodian.application.backup;
