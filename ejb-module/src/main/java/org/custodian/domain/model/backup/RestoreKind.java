package org.custodian.domain.model.backup;

/**
 * RESTORE: into an isolated schema that stays for inspection; DRILL: into an isolated schema that is checked and
 * dropped; LIVE: over Custodian's own data (only on explicit confirmation by an operator, with a reason).
 */
public enum RestoreKind { RESTORE, DRILL, LIVE }
