/**
 * Retention: policies that say how long tickets are kept and what happens then (anonymize or delete), legal
 * holds that stop anything from happening to what they cover, and the rule that decides for one ticket.
 */
package org.custodian.domain.model.retention;
