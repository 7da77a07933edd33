/**
 * Mail on the wire with Jakarta Mail as the servers ship it (Angus Mail in Payara and WildFly; the API is
 * {@code provided}): IMAP(S) reading with PEEK so that only intake marks a mail seen, MIME parsing into the plain
 * {@code InboundMail} (text part or HTML made text, bounces), SMTP sending with STARTTLS or TLS, and the JPA
 * repository of the mail tables.
 */
package org.custodian.infrastructure.mail;
