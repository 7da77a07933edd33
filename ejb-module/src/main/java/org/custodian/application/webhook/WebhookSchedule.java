package org.custodian.application.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.custodian.application.shared.TimerWatchdog;

/** Every {@code custodian.webhook.interval} delivers the due webhook outbox rows, each in its own transaction. */
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
public class WebhookSchedule {

    /** Bounds one tick's work: the next tick goes on. */
    private static final int MAX_PER_TICK = 100;

    @Resource
    private TimerService timers;

    @EJB
    private WebhookDeliveryService outbox;

    @Inject
    private WebhookSettings settings;

    @PostConstruct
    void schedule() {
        long millis = settings.interval().toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("webhook-outbox", false));
    }

    @Timeout
    void deliver() {
        for (int i = 0; i < MAX_PER_TICK && outbox.deliverNext(); i++) {
            // keep going while rows are due
        }
    }
}
