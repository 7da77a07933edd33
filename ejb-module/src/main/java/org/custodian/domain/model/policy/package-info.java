/**
 * Policy as data: one classification per field (PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED), the role by
 * classification visibility matrix (FULL, MASKED, HIDDEN), their version history, and type-aware masking.
 */
package org.custodian.domain.model.policy;
