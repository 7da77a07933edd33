package org.custodian.application.slo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
import java.util.logging.Logger;
import org.custodian.application.shared.TimerWatchdog;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evaluates the governance SLOs every {@code custodian.slo.interval} (default 15 minutes; PT0S turns it off), the
 * first time one interval after the start (a node that just started measures nothing it could not measure later).
 * Non-persistent: the evaluation is recomputed from the data, so a restart loses nothing; on two nodes both evaluate,
 * and the fingerprint lock in {@link SloIncidents} keeps them to one incident.
 */
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
public class SloSchedule {

    private static final Logger LOG = Logger.getLogger(SloSchedule.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private GovernanceSloService slo;

    @Inject
    @ConfigProperty(name = "custodian.slo.interval", defaultValue = "PT15M")
    Duration interval;

    @PostConstruct
    void schedule() {
        // a bad target stops the deployment here, naming the key, rather than at the first evaluation
        SloTargets.read(ConfigProvider.getConfig());
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("Governance SLO evaluation is off (custodian.slo.interval=" + interval + ")");
            return;
        }
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("governance-slo", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void evaluate() {
        GovernanceSloService.Evaluation done = slo.evaluateAll();
        if (done.incidentsOpened() > 0) {
            LOG.warning("Governance SLOs: " + done.missed() + " objective(s) missed, " + done.incidentsOpened()
                    + " incident(s) opened");
        }
    }
}
