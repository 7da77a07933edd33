/**
 * Access reports from the audit trail: who read what, grouped by role, region, user or day (counting pruned days
 * from their daily aggregates), and the full access history of one ticket. Every report is itself audited.
 */
package org.custodian.application.audit.report;
