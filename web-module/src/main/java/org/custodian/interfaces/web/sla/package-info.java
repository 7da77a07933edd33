/** The supervisors' SLA dashboard (#25): attainment and backlog by team and day, volume by category. */
package org.custodian.interfaces.web.sla;
