/**
 * Governance SLOs (#25): objectives for the obligations Custodian keeps (subject-request deadlines, erasures and
 * restrictions, backups and restore drills, audit checkpoints, verification and SIEM delivery, security response,
 * access reviews), each with a configured target, measured from the data and the audit trail; evaluated by a timer
 * that opens one incident per missed stretch of an objective.
 */
package org.custodian.application.slo;
