package org.custodian.application.policy;

/** The operations the policy decides on. */
public enum Permission {
    TICKET_READ, TICKET_WRITE, CUSTOMER_READ, CUSTOMER_WRITE, AUDIT_VERIFY, JOB_RUN, JOB_READ, PII_SCAN,
    /** Read the staff-only (INTERNAL) comments of a ticket one may read; contractors are outside the staff. */
    COMMENT_INTERNAL_READ,
    /** Record a subject's consent or its withdrawal; read a subject's consent history. */
    CONSENT_MANAGE, CONSENT_READ,
    /** Read the classification catalog, the matrix and transfer rules (policy is not secret). */
    POLICY_READ,
    /** Remove another user's second factor (a lost authenticator), so they enroll again at their next sign-in. */
    SECOND_FACTOR_RESET,
    /** Change classifications, the matrix and transfer rules. */
    POLICY_MANAGE,
    /** Give and revoke contractor grants. */
    GRANT_MANAGE,
    /** List grants (a contractor sees only their own). */
    GRANT_READ,
    /** Open a break-glass override on a ticket. */
    BREAK_GLASS,
    /**
     * Reveal named fields of one record in full for a few minutes, with a reason (#23), where the matrix says
     * REVEALABLE. People only: no API key scope names it (a key would reveal in bulk without a person's reason).
     */
    FIELD_REVEAL,
    /** List break-glass overrides (a supervisor sees only their own). */
    OVERRIDE_READ,
    /** Checkpoints and Merkle proofs of the audit trail (hashes only, no event content). */
    AUDIT_PROOF,
    /** Export the audit trail for offline verification. */
    AUDIT_EXPORT,
    /** Access reports: who read which personal data, when, on what basis. */
    REPORT_READ,
    /** Read retention policies and the purge preview. */
    RETENTION_READ,
    /** Create and change retention policies. */
    RETENTION_MANAGE,
    /** List legal holds. */
    HOLD_READ,
    /** Place and release legal holds. */
    HOLD_MANAGE,
    /** List anomaly alerts. */
    ALERT_READ,
    /** Start, restart or stop a job that deletes or anonymizes data (retention-purge, transcript-removal, pii-rescan). */
    RETENTION_RUN,
    /** Read the notifications addressed to one's roles. */
    NOTIFICATION_READ,
    /** Read the records of processing and the DPIA inputs. */
    PRIVACY_RECORDS_READ,
    /** Register and work data subject requests. */
    PRIVACY_REQUEST_MANAGE,
    /** Read the DPIAs (Art. 35) and every version of them (#25). */
    DPIA_READ,
    /** Write a DPIA or a new version of it. */
    DPIA_MANAGE,
    /** Sign off a DPIA version someone else wrote (four eyes). */
    DPIA_SIGN_OFF,
    /** Take backups on demand, restore and run restore drills. */
    BACKUP_RUN,
    /** Import another help desk's export (customers, tickets, comments) and read how it went (#24). */
    IMPORT_RUN,
    /** Read the backup catalog and drill reports (no data: names, sizes, checksums, states). */
    BACKUP_READ,
    /** Prune the audit trail to daily counts up to a signed checkpoint, on demand. */
    AUDIT_PRUNE,
    /** List and read users, teams and their access (no ticket or customer data). */
    USER_READ,
    /** Create, change, invite and disable users and teams; grants of roles that see personal data need a second person. */
    USER_MANAGE,
    /** Approve another user administrator's request to grant PRIVACY_OFFICER, SUPERVISOR or USER_ADMIN. */
    ROLE_GRANT_APPROVE,
    /** Open access review campaigns and read their outcome. */
    ACCESS_REVIEW_MANAGE,
    /** Read every access review campaign, its items and decisions, and the canonical record of its outcome. */
    ACCESS_REVIEW_READ,
    /** Create, rotate and revoke service accounts and their API keys. */
    SERVICE_ACCOUNT_MANAGE,
    /**
     * Provision users and groups by SCIM 2.0 (/scim/v2): only a service account's key with the {@code scim} scope,
     * never a person's token (an IdP's client, not an administrator at a keyboard).
     */
    SCIM_PROVISION,
    /** Merge a duplicate customer record into the record of the same person (both in the caller's regions). */
    CUSTOMER_MERGE,
    /** Create, change and delete the canned replies (macros) of the teams of one's regions (#23: team leads). */
    MACRO_MANAGE,
    /** Read the master lists (categories, products, sites): not secret, every role may know the vocabulary. */
    CATALOG_READ,
    /** Add, rename, hand over, retire and reactivate master-list entries (#23). */
    CATALOG_MANAGE,
    /** List the mail held for an unauthenticated sender and accept or discard it (#24), for one's regions' mailboxes. */
    MAIL_HELD_MANAGE,
    /** Read business calendars and SLA policies (#25): the people who work tickets work to them. */
    SLA_READ,
    /** Create and change business calendars and SLA policies (versioned, audited). */
    SLA_MANAGE,
    /**
     * Read the SLA report and dashboard (#25): attainment, business-time percentiles and breaches by team, region,
     * priority, category or day; aggregates only, within the regions the reader's roles cover.
     */
    SLA_REPORT,
    /**
     * Register, change, pause and delete one's own webhooks and replay their dead letters (#24): only a service
     * account's key with the {@code webhooks} scope (the integration owns its subscriptions), never a person's token.
     */
    WEBHOOK_MANAGE,
    /**
     * Turn a ticket's mail into a subject request for the ticket's customer (#24), for tickets of one's regions; the
     * privacy officer verifies the identity and works it (PRIVACY_REQUEST_MANAGE).
     */
    PRIVACY_REQUEST_FROM_TICKET,
    /** Governance SLOs (#25) of each remit: subject requests, backups, the audit trail, security, access reviews. */
    SLO_PRIVACY_READ, SLO_BACKUP_READ, SLO_AUDIT_READ, SLO_SECURITY_READ, SLO_ACCESS_REVIEW_READ,
    /** Evaluate the governance SLOs now (as the timer does), which opens incidents for missed objectives. */
    SLO_EVALUATE,
    /** Read the personal-data breach register (#25, Art. 33(5)) and its notification drafts. */
    BREACH_READ,
    /** Record breaches, their notification to the supervisory authority and the decision about the subjects. */
    BREACH_MANAGE
}
