/**
 * Monitoring events (#24, 000 M4.3): the fingerprint that makes a repeated alert one ticket with an occurrence
 * counter instead of a ticket per mail, and the counters themselves.
 */
package org.custodian.domain.model.monitoring;
