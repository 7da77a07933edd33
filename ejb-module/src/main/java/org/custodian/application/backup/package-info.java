/**
 * Backups: the catalog service, the export of a consistent snapshot into an encrypted, signed backup set, tiered
 * expiry, verification of sets on disk, and the incidents a failure opens.
 */
package org.custodian.application.backup;
