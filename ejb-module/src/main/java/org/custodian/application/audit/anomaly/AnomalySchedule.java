package org.custodian.application.audit.anomaly;

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

/** Runs the anomaly rules over new audit events every {@code custodian.alerts.interval} (default 30 s). */
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
public class AnomalySchedule {

    private static final Logger LOG = Logger.getLogger(AnomalySchedule.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private AnomalyService anomalies;

    @Inject
    @ConfigProperty(name = "custodian.alerts.interval", defaultValue = "PT30S")
    Duration interval;

    @Inject
    @ConfigProperty(name = BusinessHours.KEY, defaultValue = BusinessHours.DEFAULT)
    String businessHours;

    @PostConstruct
    void schedule() {
        // a bad value stops the deployment here, naming the key, rather than failing every scan later
        BusinessHours.fromConfig(businessHours);
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("Anomaly detection is off (custodian.alerts.interval=" + interval + ")");
            return;
        }
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("anomaly-scan", false));
    }

    @Timeout
    void scan() {
        int raised = anomalies.scan();
        if (raised > 0) {
            LOG.warning(() -> raised + " anomaly alert(s) raised: see GET /api/v1/alerts");
        }
    }
}
