/**
 * Anomaly detection over the audit trail: bulk reads, reads of personal data outside the business hours of the
 * user's region, repeated denials. Each hit becomes an alert, an audit event and a SECURITY ticket; a timer runs
 * the rules over the events appended since the last scan.
 */
package org.custodian.application.audit.anomaly;
