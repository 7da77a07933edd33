/**
 * Mail in and out (#24): mailboxes from configuration ({@link org.custodian.application.mail.MailSettings}), intake of
 * mail into tickets and comments (sender authenticity, automatic mail, per-sender limit, bounces, threading), the
 * held-mail list agents decide, and the outbox that carries public comments to the customer. The wire is two ports
 * ({@link org.custodian.application.mail.MailboxReader}, {@link org.custodian.application.mail.MailTransport}) that
 * infrastructure implements with Jakarta Mail.
 */
package org.custodian.application.mail;
