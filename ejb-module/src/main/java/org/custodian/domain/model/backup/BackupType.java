package org.custodian.domain.model.backup;

/** How a backup set was taken; decides whether it can be restored on its own. */
public enum BackupType {
    /** Everything as of its snapshot: restorable on its own, the start of a chain. */
    FULL,
    /** Only the changes since its base set: restorable only together with every set down to the full. */
    INCREMENTAL
}
