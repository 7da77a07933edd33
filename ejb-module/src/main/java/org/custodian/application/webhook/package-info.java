/**
 * Webhooks (#24): service accounts subscribe URLs to events (WEBHOOK_MANAGE, the {@code webhooks} scope); the
 * services report changes through the {@link org.custodian.application.webhook.WebhookEvents} port into an outbox
 * in their own transaction; a timer delivers it, signed per the Standard Webhooks specification, after an SSRF
 * check of the target at registration and again before every attempt, with retries, order per resource and a
 * dead-letter list. Payloads are what the account's own GET would show (the policy's masking).
 */
package org.custodian.application.webhook;
