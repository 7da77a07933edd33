package org.custodian.application.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.privacy.PrivacyRecordsService.Purpose;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The purposes of processing as the organisation states them (custodian.privacy.purposes): listed in the records of
 * processing (Art. 30) and named by the DPIAs that cover them (Art. 35).
 */
@ApplicationScoped
public class ProcessingPurposes {

    /** {@code name|legal basis} pairs separated by {@code ;}: the organisation's own words replace the defaults. */
    @Inject
    @ConfigProperty(name = "custodian.privacy.purposes", defaultValue =
            "Handling customers' support requests (tickets and comments)|Art. 6(1)(b) GDPR (contract) or Art. 6(1)(f)"
            + " (legitimate interest);Accountability and security of the processing (audit trail, anomaly alerts)|"
            + "Art. 5(2), 6(1)(c) and 32 GDPR;Retention duties and legal holds|Art. 6(1)(c) GDPR (legal obligation)")
    String purposes;

    /** Name and legal basis of each purpose, in the configured order (no assessments attached). */
    public List<Purpose> list() {
        List<Purpose> parsed = new ArrayList<>();
        for (String item : purposes.split(";")) {
            if (!item.isBlank()) {
                int bar = item.indexOf('|');
                parsed.add(bar < 0 ? new Purpose(item.trim(), "not stated", List.of())
                        : new Purpose(item.substring(0, bar).trim(), item.substring(bar + 1).trim(), List.of()));
            }
        }
        return parsed;
    }

    public List<String> names() {
        return list().stream().map(Purpose::name).toList();
    }
}
