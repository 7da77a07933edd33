/** The caller's own notification preferences (#24): {@code /api/v1/me/notification-preferences}. */
package org.custodian.interfaces.rest.notification;
