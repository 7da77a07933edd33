package org.custodian.application.backup;

/** Turns backup failures into work: an alert and an incident ticket (category BACKUP) for operations. */
public interface BackupIncidents {

    String EXPORT_FAILED = "BACKUP_FAILED";
    String VERIFY_FAILED = "BACKUP_VERIFY_FAILED";
    String SLA_MISSED = "BACKUP_SLA_MISSED";
    String RESTORE_FAILED = "BACKUP_RESTORE_FAILED";

    /** Opens the alert and its ticket in a transaction of their own; returns the ticket id. */
    long open(String rule, String actor, String subject, String detail);
}
