package org.custodian.application.sla;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/** SLA configuration (docs/configuration.md, "SLA"): the share of a target at which a warning is recorded. */
@ApplicationScoped
public class SlaSettings {

    private static final Logger LOG = Logger.getLogger(SlaSettings.class.getName());
    static final double DEFAULT_WARNING_SHARE = 0.75;

    /** {@code custodian.sla.warning-share}: 0 < share <= 1 (0.75 = at 75 % of the target); else the default. */
    public double warningShare() {
        double share = ConfigProvider.getConfig().getOptionalValue("custodian.sla.warning-share", Double.class)
                .orElse(DEFAULT_WARNING_SHARE);
        if (!(share > 0 && share <= 1)) {
            LOG.warning(() -> "custodian.sla.warning-share=" + share + " is not in (0, 1]; using "
                    + DEFAULT_WARNING_SHARE);
            return DEFAULT_WARNING_SHARE;
        }
        return share;
    }
}
