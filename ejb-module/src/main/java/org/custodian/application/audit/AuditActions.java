package org.custodian.application.audit;

import java.util.List;
import org.custodian.domain.model.audit.AuditPrunePoint;

/** Names of audited actions, as they appear in the trail. */
public final class AuditActions {

    public static final String LOGIN = "LOGIN";
    /** A right password at the portal, with a second step still to come (not yet a sign-in). */
    public static final String LOGIN_PASSWORD = "LOGIN_PASSWORD";
    /** The second step of a sign-in: a TOTP code or a recovery code. */
    public static final String LOGIN_SECOND_FACTOR = "LOGIN_SECOND_FACTOR";
    /** The identity provider vouched for a portal sign-in, with our second step still to come (not yet a sign-in). */
    public static final String LOGIN_IDENTITY_PROVIDER = "LOGIN_IDENTITY_PROVIDER";
    public static final String SECOND_FACTOR_ENROLL = "SECOND_FACTOR_ENROLL";
    public static final String SECOND_FACTOR_RESET = "SECOND_FACTOR_RESET";
    public static final String LOGOUT = "LOGOUT";
    public static final String TOKENS_REVOKED = "TOKENS_REVOKED";
    /** A portal session ended by its idle timeout or its absolute lifetime. */
    public static final String SESSION_EXPIRED = "SESSION_EXPIRED";
    /** A user created at their first sign-in with an identity provider's token (just-in-time provisioning). */
    public static final String USER_PROVISION = "USER_PROVISION";
    /** A user linked to their identity at the IdP, or their roles and regions changed to follow their IdP groups. */
    public static final String USER_IDENTITY_SYNC = "USER_IDENTITY_SYNC";
    public static final String TICKET_CREATE = "TICKET_CREATE";
    public static final String TICKET_READ = "TICKET_READ";
    public static final String TICKET_UPDATE = "TICKET_UPDATE";
    public static final String TICKET_SEARCH = "TICKET_SEARCH";
    public static final String COMMENT_CREATE = "COMMENT_CREATE";
    public static final String CUSTOMER_CREATE = "CUSTOMER_CREATE";
    public static final String CUSTOMER_READ = "CUSTOMER_READ";
    /** A customer record anonymized by an erasure request (resource id: the customer). */
    public static final String CUSTOMER_ERASE = "CUSTOMER_ERASE";
    /** Processing of a customer record restricted (Art. 18), and the restriction lifted. */
    public static final String CUSTOMER_RESTRICT = "CUSTOMER_RESTRICT";
    /** Personal fields of a customer record corrected (Art. 16): before and after as keyed hashes. */
    public static final String CUSTOMER_RECTIFY = "CUSTOMER_RECTIFY";
    public static final String CUSTOMER_RESTRICTION_LIFT = "CUSTOMER_RESTRICTION_LIFT";
    /** A duplicate record merged into another (one event on each: into=, from=; with the reason). */
    public static final String CUSTOMER_MERGED = "CUSTOMER_MERGED";
    /** The customer directory (#23): a search (resource: the ids listed), like TICKET_SEARCH. */
    public static final String CUSTOMER_SEARCH = "CUSTOMER_SEARCH";
    /**
     * Customers found by the whole value of a field the searcher sees masked (an e-mail address or number they were
     * given): resource the ids, fields which field matched (never the value).
     */
    public static final String CUSTOMER_LOOKUP = "CUSTOMER_LOOKUP";
    /** A customer changed through PATCH: personal values before and after as keyed hashes. */
    public static final String CUSTOMER_UPDATE = "CUSTOMER_UPDATE";
    /** Consent: the resource type of denials, and the statements (resource: the customer). */
    public static final String CONSENT = "CONSENT";
    public static final String CONSENT_GIVE = "CONSENT_GIVE";
    public static final String CONSENT_WITHDRAW = "CONSENT_WITHDRAW";
    /** A chat transcript removed after its customer withdrew consent (resource: ticket/comment). */
    public static final String TRANSCRIPT_REMOVE = "TRANSCRIPT_REMOVE";
    /** A subject downloaded (or tried an expired link to) their access package (resource: the request). */
    public static final String PRIVACY_PACKAGE_DOWNLOAD = "PRIVACY_PACKAGE_DOWNLOAD";
    public static final String AUDIT_VERIFY = "AUDIT_VERIFY";
    public static final String AUDIT_CHECKPOINT = "AUDIT_CHECKPOINT";
    public static final String AUDIT_EXPORT = "AUDIT_EXPORT";
    /** Events up to a signed checkpoint were summarized into daily counts and removed (resource id "1-N"). */
    public static final String AUDIT_PRUNE = AuditPrunePoint.ACTION;
    public static final String REPORT_ACCESS = "REPORT_ACCESS";
    /** The records of processing or the DPIA inputs were read. */
    public static final String REPORT_PRIVACY = "REPORT_PRIVACY";
    /** A data subject request: resource type; the actions are PRIVACY_REQUEST_ plus the step. */
    public static final String PRIVACY_REQUEST = "PRIVACY_REQUEST";
    public static final String ANOMALY_ALERT = "ANOMALY_ALERT";
    public static final String RETENTION_POLICY_CHANGE = "RETENTION_POLICY_CHANGE";
    public static final String RETENTION_PREVIEW = "RETENTION_PREVIEW";
    public static final String RETENTION_ANONYMIZE = "RETENTION_ANONYMIZE";
    public static final String RETENTION_DELETE = "RETENTION_DELETE";
    public static final String RETENTION_SKIPPED = "RETENTION_SKIPPED";
    public static final String LEGAL_HOLD_PLACE = "LEGAL_HOLD_PLACE";
    public static final String LEGAL_HOLD_RELEASE = "LEGAL_HOLD_RELEASE";
    public static final String ALERT_LIST = "ALERT_LIST";
    public static final String JOB_START = "JOB_START";
    public static final String JOB_END = "JOB_END";
    public static final String JOB_STOP = "JOB_STOP";
    public static final String JOB_READ = "JOB_READ";
    /** An execution the server died in the middle of, marked FAILED at the next start so it can be restarted. */
    public static final String JOB_RECOVERED = "JOB_RECOVERED";
    public static final String DEMO_SEED = "DEMO_SEED";
    /** A backup set was published and listed COMPLETE (fields: its rows, size and manifest hash). */
    public static final String BACKUP_COMPLETE = "BACKUP_COMPLETE";
    /** A backup export failed or was abandoned; nothing under the set's name looks complete. */
    public static final String BACKUP_FAIL = "BACKUP_FAIL";
    /** Tiered retention removed a set from its target (fields: why it was no longer kept). */
    public static final String BACKUP_EXPIRE = "BACKUP_EXPIRE";
    /** The files of a set were checked against its signed manifest. */
    public static final String BACKUP_VERIFY = "BACKUP_VERIFY";
    public static final String BACKUP_LIST = "BACKUP_LIST";
    /** A restore or restore drill ended (fields: kind, schema, result, rows, RTO and RPO). */
    public static final String BACKUP_RESTORE = "BACKUP_RESTORE";
    /** A backup failure or a missed backup SLA opened an incident ticket. */
    public static final String BACKUP_INCIDENT = "BACKUP_INCIDENT";
    public static final String PII_SCAN = "PII_SCAN";
    public static final String PII_REDACTED = "PII_REDACTED";
    /** A text attachment a rescan now finds card numbers or secrets in, flagged as an upload would be. */
    public static final String PII_FLAGGED = "PII_FLAGGED";
    /** A rescan found what the ingest rules remove, in a record a legal hold or a restriction keeps unchanged. */
    public static final String PII_FOUND_KEPT = "PII_FOUND_KEPT";
    /** Personal fields of another region's record withheld for want of a transfer rule. */
    public static final String PERSONAL_DATA_WITHHELD = "PERSONAL_DATA_WITHHELD";
    public static final String CLASSIFICATION_CHANGE = "CLASSIFICATION_CHANGE";
    public static final String VISIBILITY_CHANGE = "VISIBILITY_CHANGE";
    public static final String POLICY_READ = "POLICY_READ";
    public static final String TRANSFER_RULE_CREATE = "TRANSFER_RULE_CREATE";
    public static final String TRANSFER_RULE_REVOKE = "TRANSFER_RULE_REVOKE";
    public static final String GRANT_CREATE = "GRANT_CREATE";
    public static final String GRANT_REVOKE = "GRANT_REVOKE";
    public static final String GRANT_LIST = "GRANT_LIST";
    public static final String OVERRIDE_CREATE = "OVERRIDE_CREATE";
    /**
     * Named fields of one record revealed in full to their caller for a few minutes (#23; resource: the ticket or
     * customer asked on; fields: what was revealed, until when, the grant and the reason with PII masked). Counted
     * as a read of personal data by access reports and anomaly rules, and by a rule of its own (MANY_REVEALS).
     */
    public static final String FIELD_REVEALED = "FIELD_REVEALED";
    public static final String OVERRIDE_LIST = "OVERRIDE_LIST";
    public static final String NOTIFICATION_LIST = "NOTIFICATION_LIST";
    /** Teams (#22): fields hold the values before and after ({@code name=old->new}, {@code member+=username}). */
    public static final String TEAM_CREATE = "TEAM_CREATE";
    public static final String TEAM_CHANGE = "TEAM_CHANGE";
    public static final String TEAM_MEMBER_ADD = "TEAM_MEMBER_ADD";
    public static final String TEAM_MEMBER_REMOVE = "TEAM_MEMBER_REMOVE";

    /** User administration (#22); resource USER, id the username, so each shows in that user's history. */
    public static final String USER_CREATE = "USER_CREATE";
    public static final String USER_UPDATE = "USER_UPDATE";
    public static final String USER_DISABLE = "USER_DISABLE";
    public static final String USER_ENABLE = "USER_ENABLE";
    public static final String USER_READ = "USER_READ";
    public static final String USER_LIST = "USER_LIST";
    public static final String ROLE_GRANT_REQUEST = "ROLE_GRANT_REQUEST";
    public static final String ROLE_GRANT_APPROVE = "ROLE_GRANT_APPROVE";
    public static final String ROLE_GRANT_REJECT = "ROLE_GRANT_REJECT";
    public static final String ROLE_GRANT_WITHDRAW = "ROLE_GRANT_WITHDRAW";
    public static final String INVITATION_CREATE = "INVITATION_CREATE";
    public static final String INVITATION_ACCEPT = "INVITATION_ACCEPT";
    /**
     * SCIM provisioning (#22): the IdP's client changed a user's SCIM attributes or deleted the user (resource USER),
     * or created, changed or deleted a group (resource SCIM_GROUP, id the group's SCIM id; fields name the members
     * by username, {@code member+=jane}, and the counts before and after). What the membership grants is recorded
     * by USER_UPDATE (roles and regions before and after) and TEAM_MEMBER_ADD/REMOVE.
     */
    public static final String SCIM_USER_UPDATE = "SCIM_USER_UPDATE";
    public static final String SCIM_USER_DELETE = "SCIM_USER_DELETE";
    public static final String SCIM_GROUP_CREATE = "SCIM_GROUP_CREATE";
    public static final String SCIM_GROUP_UPDATE = "SCIM_GROUP_UPDATE";
    public static final String SCIM_GROUP_DELETE = "SCIM_GROUP_DELETE";
    /**
     * Ticket work (#23), resource TICKET with the ticket's id: a reopen, a follow-up opened (on the old ticket,
     * {@code followUp=<new id>}), a link added or removed ({@code RELATED=<other id>}), a merge (on the survivor,
     * {@code duplicate=<id>}; the duplicate's own TICKET_UPDATE records its closing). Reasons are INTERNAL comments
     * (COMMENT_CREATE), never free text in the trail.
     */
    public static final String TICKET_REOPEN = "TICKET_REOPEN";
    public static final String TICKET_FOLLOW_UP = "TICKET_FOLLOW_UP";
    public static final String TICKET_LINK = "TICKET_LINK";
    public static final String TICKET_UNLINK = "TICKET_UNLINK";
    public static final String TICKET_MERGE = "TICKET_MERGE";
    /** Canned replies (#23), resource MACRO with the macro's id; using one is a TICKET_READ of what it filled in. */
    public static final String MACRO_CREATE = "MACRO_CREATE";
    public static final String MACRO_CHANGE = "MACRO_CHANGE";
    public static final String MACRO_DELETE = "MACRO_DELETE";
    public static final String MACRO = "MACRO";
    /**
     * Master lists (#23); resource CATALOG_ENTRY, id {@code <list>/<code>} ({@code categories/HARDWARE}); fields
     * hold the values before and after ({@code name=old->new}, {@code retired=false->true}).
     */
    public static final String CATALOG_CREATE = "CATALOG_CREATE";
    public static final String CATALOG_CHANGE = "CATALOG_CHANGE";
    public static final String CATALOG_ENTRY = "CATALOG_ENTRY";
    public static final String TICKET = "TICKET";
    public static final String COMMENT = "COMMENT";
    public static final String CUSTOMER = "CUSTOMER";
    public static final String USER = "USER";
    public static final String AUDIT_TRAIL = "AUDIT_TRAIL";
    public static final String JOB = "JOB";
    public static final String PII = "PII";
    public static final String POLICY = "POLICY";
    public static final String REPORT = "REPORT";
    public static final String ALERT = "ALERT";
    public static final String RETENTION_POLICY = "RETENTION_POLICY";
    public static final String LEGAL_HOLD = "LEGAL_HOLD";
    public static final String TRANSFER_RULE = "TRANSFER_RULE";
    public static final String TEAM = "TEAM";
    public static final String SCIM_GROUP = "SCIM_GROUP";
    public static final String GRANT = "GRANT";
    public static final String OVERRIDE = "OVERRIDE";
    public static final String NOTIFICATION = "NOTIFICATION";
    public static final String BACKUP_SET = "BACKUP_SET";
    /** A download of an attachment's content (#24): a read of the ticket's customer's data. */
    public static final String ATTACHMENT_DOWNLOAD = "ATTACHMENT_DOWNLOAD";
    /** The integrity-verify job's check of the stored attachment content (#24). */
    public static final String ATTACHMENT_INTEGRITY_CHECK = "ATTACHMENT_INTEGRITY_CHECK";

    /**
     * Reads that show record data; their fields say what was revealed and on what basis (see {@link ReadAudit}).
     * Access reports count them, anomaly detection watches them.
     */
    public static final List<String> READ_ACTIONS = List.of(TICKET_READ, TICKET_SEARCH, CUSTOMER_READ,
            CUSTOMER_SEARCH, FIELD_REVEALED, ATTACHMENT_DOWNLOAD);

    private AuditActions() {
    }
}
