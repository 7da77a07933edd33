/**
 * The audit trail's single writer: {@link org.custodian.application.audit.AuditService} records events in the
 * caller's transaction as pending, and they are hash-chained right after the commit (the sequencer, with a timer
 * that sweeps up what a crash left pending). Also here, for every context that audits: the names of audited actions,
 * what a read revealed ({@code ReadAudit}), keyed digests of personal values and the JSON form of an event. What is
 * built on the trail lives in the subpackages: proofs and retention, SIEM delivery, anomaly alerts, access reports.
 */
package org.custodian.application.audit;
