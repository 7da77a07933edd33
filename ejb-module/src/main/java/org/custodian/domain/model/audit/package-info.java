/** The hash-chained audit trail: events, their canonical form, the chain head and the verifier. */
package org.custodian.domain.model.audit;
