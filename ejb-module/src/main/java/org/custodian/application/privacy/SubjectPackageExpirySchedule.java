package org.custodian.application.privacy;

import jakarta.ejb.EJB;
import org.custodian.application.shared.TimerWatchdog;
import jakarta.interceptor.Interceptors;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every hour, deletes the packages whose download link expired (the ZIP holds the subject's data in clear). */
@Singleton
@Interceptors(TimerWatchdog.class)
public class SubjectPackageExpirySchedule {

    private static final Logger LOG = Logger.getLogger(SubjectPackageExpirySchedule.class.getName());

    @EJB
    SubjectPackageService packages;

    @Schedule(hour = "*", minute = "7", persistent = false)
    void expire() {
        try {
            int expired = packages.expire();
            if (expired > 0) {
                LOG.info("Deleted " + expired + " expired subject package(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring subject packages failed (retried in an hour): " + e.getMessage(), e);
        }
    }
}
