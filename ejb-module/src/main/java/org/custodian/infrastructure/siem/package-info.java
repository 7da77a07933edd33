/** Sending the audit trail to a SIEM collector: syslog over TCP (optionally TLS), guarded by fault tolerance. */
package org.custodian.infrastructure.siem;
