/**
 * Webhooks on the wire (#24): HTTP POST with {@code java.net.http.HttpClient} that never follows a redirect, and the
 * JPA repository of the webhook tables (the outbox query that keeps the order per resource).
 */
package org.custodian.infrastructure.webhook;
