package org.custodian.application.audit;

/** Names of audited actions, as they appear in the trail. */
public final class AuditActions {

    public static final String LOGIN = "LOGIN";
    public static final String TICKET_CREATE = "TICKET_CREATE";
    public static final String TICKET_READ = "TICKET_READ";
    public static final String TICKET_UPDATE = "TICKET_UPDATE";
    public static final String TICKET_SEARCH = "TICKET_SEARCH";
    public static final String COMMENT_CREATE = "COMMENT_CREATE";
    public static final String CUSTOMER_CREATE = "CUSTOMER_CREATE";
    public static final String CUSTOMER_READ = "CUSTOMER_READ";
    public static final String AUDIT_VERIFY = "AUDIT_VERIFY";
    public static final String JOB_START = "JOB_START";
    public static final String JOB_END = "JOB_END";
    public static final String JOB_READ = "JOB_READ";
    public static final String DEMO_SEED = "DEMO_SEED";
    public static final String PII_SCAN = "PII_SCAN";
    public static final String PII_REDACTED = "PII_REDACTED";

    public static final String TICKET = "TICKET";
    public static final String COMMENT = "COMMENT";
    public static final String CUSTOMER = "CUSTOMER";
    public static final String USER = "USER";
    public static final String AUDIT_TRAIL = "AUDIT_TRAIL";
    public static final String JOB = "JOB";
    public static final String PII = "PII";

    private AuditActions() {
    }
}
