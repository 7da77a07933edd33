package org.custodian.application.notification;

import java.util.List;

/**
 * One person's notification choices.
 *
 * @param mailAddress whether they have a mail address at all (without one, nothing is mailed whatever they choose)
 */
public record NotificationPreferences(String username, boolean mailAddress, List<Preference> preferences) {

    /** @param event ASSIGNED, CUSTOMER_REPLY or MENTION */
    public record Preference(String event, boolean inApp, boolean mail) {
    }

    /** A change of one kind; a null flag stays as it was. */
    public record Change(String event, Boolean inApp, Boolean mail) {
    }
}
