/**
 * Notifications of staff (#24): the events a person is told of ({@link org.custodian.domain.model.notification.NotificationKind}),
 * their preferences (in-app list, mail) and the outbox of notification mail.
 */
package org.custodian.domain.model.notification;
