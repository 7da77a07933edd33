/**
 * Webhooks (#24): an integration's subscription of a URL to events, and the outbox of its deliveries (retried,
 * in order per resource, dead-lettered after the last attempt, replayable).
 */
package org.custodian.domain.model.webhook;
