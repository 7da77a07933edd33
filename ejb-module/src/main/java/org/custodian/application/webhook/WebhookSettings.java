package org.custodian.application.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.custodian.domain.shared.RetryPolicy;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Webhook configuration (docs/configuration.md, "Webhooks"). */
@ApplicationScoped
public class WebhookSettings {

    static final String PREFIX = "custodian.webhook.";

    private WebhookTargets targets;
    private String allowList;
    private Duration interval;
    private RetryPolicy retry;
    private Duration timeout;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        allowList = config.getOptionalValue(PREFIX + "allowed-targets", String.class).orElse("").trim();
        targets = new WebhookTargets(allowList);
        interval = duration(config, "interval", "PT5S");
        retry = new RetryPolicy(duration(config, "backoff", "PT30S"), duration(config, "backoff-max", "PT1H"),
                Math.max(1, config.getOptionalValue(PREFIX + "max-attempts", Integer.class).orElse(8)));
        timeout = duration(config, "timeout", "PT10S");
    }

    private static Duration duration(Config config, String key, String fallback) {
        return Duration.parse(config.getOptionalValue(PREFIX + key, String.class).map(String::trim)
                .filter(text -> !text.isEmpty()).orElse(fallback));
    }

    public WebhookTargets targets() {
        return targets;
    }

    public String allowList() {
        return allowList;
    }

    public Duration interval() {
        return interval;
    }

    public RetryPolicy retry() {
        return retry;
    }

    public Duration timeout() {
        return timeout;
    }
}
