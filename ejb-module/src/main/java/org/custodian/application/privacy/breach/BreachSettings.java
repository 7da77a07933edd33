package org.custodian.application.privacy.breach;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;
import org.custodian.domain.model.privacy.BreachClock;
import org.eclipse.microprofile.config.ConfigProvider;

/** Breach register configuration (docs/configuration.md, "Breach register"): when the early warning is due. */
@ApplicationScoped
public class BreachSettings {

    private static final Logger LOG = Logger.getLogger(BreachSettings.class.getName());

    /**
     * {@code custodian.breach.warning-after}: an ISO-8601 duration after awareness, more than 0 and at most 72 hours
     * (PT48H); another value is logged and the default used. Applies to breaches recorded after it is set.
     */
    public Duration warningAfter() {
        String text = ConfigProvider.getConfig().getOptionalValue("custodian.breach.warning-after", String.class)
                .orElse(null);
        if (text == null || text.isBlank()) {
            return BreachClock.DEFAULT_WARNING_AFTER;
        }
        try {
            Duration after = Duration.parse(text.trim());
            if (BreachClock.validWarningAfter(after)) {
                return after;
            }
        } catch (DateTimeParseException e) {
            // logged below
        }
        LOG.warning(() -> "custodian.breach.warning-after=" + text + " is not a duration in (0, PT72H]; using "
                + BreachClock.DEFAULT_WARNING_AFTER);
        return BreachClock.DEFAULT_WARNING_AFTER;
    }
}
