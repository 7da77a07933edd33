/**
 * Backup sets on disk: OpenPGP (Bouncy Castle lightweight operators) encryption to operators' public keys and
 * signed manifests, both readable with plain gpg; the PostgreSQL snapshot they are read from; writing, publishing
 * and verifying a set.
 */
package org.custodian.infrastructure.backup;
