/**
 * Service levels (#25): business calendars, SLA policies, a ticket's clocks and the pure business-time arithmetic
 * they are planned with ({@link org.custodian.domain.model.sla.BusinessHours}).
 */
package org.custodian.domain.model.sla;
