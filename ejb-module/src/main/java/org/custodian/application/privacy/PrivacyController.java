package org.custodian.application.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the controller is and how to reach them (docs/configuration.md): named in the records of processing and in a
 * breach notification, read from one place so both say the same.
 */
@ApplicationScoped
public class PrivacyController {

    @Inject
    @ConfigProperty(name = "custodian.privacy.controller",
            defaultValue = "not configured: set custodian.privacy.controller")
    String name;

    @Inject
    @ConfigProperty(name = "custodian.privacy.contact",
            defaultValue = "not configured: set custodian.privacy.contact")
    String contact;

    public String name() {
        return name;
    }

    public String contact() {
        return contact;
    }
}
