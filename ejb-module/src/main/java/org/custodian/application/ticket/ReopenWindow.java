package org.custodian.application.ticket;

import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/** How long after its resolution a ticket may be reopened: {@code custodian.ticket.reopen-days}, default 14. */
final class ReopenWindow {

    static final String PROPERTY = "custodian.ticket.reopen-days";
    static final int DEFAULT_DAYS = 14;

    private ReopenWindow() {
    }

    static int days() {
        int days = ConfigProvider.getConfig().getOptionalValue(PROPERTY, Integer.class).orElse(DEFAULT_DAYS);
        return Math.max(0, days);
    }

    static Duration duration() {
        return Duration.ofDays(days());
    }
}
