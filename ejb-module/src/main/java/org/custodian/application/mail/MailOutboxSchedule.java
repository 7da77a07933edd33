package org.custodian.application.mail;

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
import java.util.logging.Logger;
import org.custodian.application.shared.TimerWatchdog;

/** Every {@code custodian.mail.outbox.interval} sends the due outbox rows, each in its own transaction. */
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
public class MailOutboxSchedule {

    private static final Logger LOG = Logger.getLogger(MailOutboxSchedule.class.getName());
    /** Bounds one tick's work: the next tick goes on. */
    private static final int MAX_PER_TICK = 100;

    @Resource
    private TimerService timers;

    @EJB
    private MailOutboxService outbox;

    @Inject
    private MailSettings settings;

    /** Notification mail to staff (#24) goes out on the same tick, through the same transport and backoff. */
    @EJB
    private org.custodian.application.notification.NotificationMailService notificationMail;

    @PostConstruct
    void schedule() {
        if (!settings.sending()) {
            LOG.info("No outbound mail server configured (custodian.mail.smtp.host, custodian.mail.from): public"
                    + " comments are not mailed");
            return;
        }
        LOG.info(() -> "Sending customer mail through " + settings.smtp() + " every " + settings.outboxInterval());
        long millis = settings.outboxInterval().toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("mail-outbox", false));
    }

    @Timeout
    void deliver() {
        for (int i = 0; i < MAX_PER_TICK && outbox.deliverNext(); i++) {
            // keep going while rows are due
        }
        for (int i = 0; i < MAX_PER_TICK && notificationMail.deliverNext(); i++) {
            // the same for notifications
        }
    }
}
