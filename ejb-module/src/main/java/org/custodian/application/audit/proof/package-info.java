/**
 * What makes the audit trail provable and keeps it so: verification of the whole chain (on request and for the
 * audit-verify job), signed checkpoints of its RFC 6962 Merkle tree, inclusion and consistency proofs, the export an
 * auditor verifies offline, and the trail's own retention, which prunes events to daily counts only up to a signed
 * checkpoint so that what remains still verifies.
 */
package org.custodian.application.audit.proof;
