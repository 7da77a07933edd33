package org.custodian.domain.model.review;

/** What an item of a campaign is about. */
public enum ItemKind {
    /** A role the user holds; the subject is the role's name. */
    ROLE,
    /** A region the user works in; the subject is the region's code. */
    REGION,
    /** A contractor grant; the subject is the grant's id. */
    GRANT,
    /** A role of the user that may run or read backups; the subject is the role's name (revoking removes it). */
    BACKUP_PRIVILEGE
}
