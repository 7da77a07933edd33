/**
 * Mail in and out (#24): the mail a mailbox delivered ({@link org.custodian.domain.model.mail.MailMessage}, also the
 * lineage of what it made), the outbox of customer mail, and the plain rules mail is judged by: the receiving
 * server's {@code Authentication-Results} (RFC 8601), automatic mail (RFC 3834), and thread references (Message-IDs).
 */
package org.custodian.domain.model.mail;
