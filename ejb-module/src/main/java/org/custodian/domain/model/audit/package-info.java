/**
 * The hash-chained audit trail: events, their canonical form, the chain head and the verifiers, the Merkle tree and
 * its signed checkpoints, the pruning points and daily counts that retention leaves, the positions of the readers
 * that follow the trail (SIEM delivery, anomaly detection), the alerts, and one repository per aggregate.
 */
package org.custodian.domain.model.audit;
