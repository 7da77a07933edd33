/**
 * Backups in PostgreSQL, OpenPGP and files, behind the ports of the backup application package: the exporter that
 * reads one consistent PostgreSQL snapshot into an encrypted, signed set and the restorer that loads a chain back;
 * OpenPGP (Bouncy Castle lightweight operators) encryption to operators' public keys and signed manifests, both
 * readable with plain gpg, with the keys from configuration; writing, publishing, verifying and removing sets on
 * disk; the schema version from Flyway.
 */
package org.custodian.infrastructure.backup;
