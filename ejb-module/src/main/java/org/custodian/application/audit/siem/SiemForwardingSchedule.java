package org.custodian.application.audit.siem;

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
import java.time.Duration;
import java.util.logging.Logger;
import org.custodian.application.shared.TimerWatchdog;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code custodian.siem.interval} (default 5 s) sends what the collector has not had yet, batch after
 * batch, until it is up to date or a batch fails (the next tick tries again from the same position).
 */
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
public class SiemForwardingSchedule {

    private static final Logger LOG = Logger.getLogger(SiemForwardingSchedule.class.getName());
    /** Bounds one tick's work so a huge backlog cannot pin the timer thread for long. */
    private static final int MAX_BATCHES_PER_TICK = 50;

    @Resource
    private TimerService timers;

    @EJB
    private SiemDeliveryService delivery;

    @Inject
    private SiemTransport sender;

    @Inject
    @ConfigProperty(name = "custodian.siem.interval", defaultValue = "PT5S")
    Duration interval;

    @PostConstruct
    void schedule() {
        if (!sender.isConfigured()) {
            LOG.info("No SIEM collector configured (custodian.siem.host): audit events are not forwarded");
            return;
        }
        LOG.info(() -> "Forwarding the audit trail to " + sender.target() + " every " + interval);
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("siem-forward", false));
    }

    @Timeout
    void forward() {
        for (int i = 0; i < MAX_BATCHES_PER_TICK && delivery.deliverNext() > 0; i++) {
            // keep going while batches are accepted
        }
    }
}
