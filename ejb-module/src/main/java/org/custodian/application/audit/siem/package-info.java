/**
 * Delivery of the audit trail to a SIEM collector: in sequence order from a stored position, in RFC 5424 or CEF
 * syslog format, on a timer. The wire is a port ({@code SiemTransport}) that infrastructure implements.
 */
package org.custodian.application.audit.siem;
