/**
 * Sending the audit trail to a SIEM collector: the application's {@code SiemTransport} port as syslog over TCP
 * (optionally TLS), guarded by fault tolerance.
 */
package org.custodian.infrastructure.siem;
