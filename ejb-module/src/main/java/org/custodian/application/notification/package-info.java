/**
 * Notifications of staff (#24): on assignment, a customer's reply and an @mention, written in the transaction of the
 * change ({@link org.custodian.application.notification.NotificationService}), shown in the in-app list and mailed
 * through an outbox ({@link org.custodian.application.notification.NotificationMailService}) in the recipient's
 * language, with only what the recipient's own policy view shows of the ticket.
 */
package org.custodian.application.notification;
