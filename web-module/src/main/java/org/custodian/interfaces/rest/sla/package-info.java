/** REST endpoints of service levels (#25): business calendars and SLA policies under {@code /api/v1/sla}. */
package org.custodian.interfaces.rest.sla;
