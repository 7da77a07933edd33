package org.custodian.application.policy;

/** The operations the policy decides on. */
public enum Permission {
    TICKET_READ, TICKET_WRITE, CUSTOMER_READ, CUSTOMER_WRITE, AUDIT_VERIFY, JOB_RUN, JOB_READ, PII_SCAN
}
