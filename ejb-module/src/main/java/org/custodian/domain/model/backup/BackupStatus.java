package org.custodian.domain.model.backup;

/** Where a backup set stands. Only COMPLETE sets may be restored, verified or used as a base. */
public enum BackupStatus { RUNNING, COMPLETE, FAILED, EXPIRED }
