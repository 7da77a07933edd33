/**
 * Service levels (#25, first slice): business calendars and SLA policies ({@link
 * org.custodian.application.sla.SlaService}), the clocks every ticket carries ({@link
 * org.custodian.application.sla.SlaClocks}, called by the ticket services in their transaction) and the one timer
 * that records warnings and breaches ({@link org.custodian.application.sla.SlaTimer}).
 */
package org.custodian.application.sla;
