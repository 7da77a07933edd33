package org.custodian.application.review;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.shared.TimerWatchdog;
import org.custodian.domain.model.review.DeadlinePolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access reviews on their own: every {@code custodian.access-review.interval} (default 15 minutes) reminders before
 * deadlines, the deadlines' revocations or escalations and, if configured, the disabling of dormant accounts; and
 * a campaign over all users on {@code custodian.access-review.schedule} (quarterly by default, monthly, or off).
 */
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
public class AccessReviewSchedule {

    private static final Logger LOG = Logger.getLogger(AccessReviewSchedule.class.getName());

    static final String CHECK = "access-review-check";
    static final String CAMPAIGN = "access-review-campaign";
    /** A second calendar firing within this long (a restart, a second node) opens nothing. */
    static final Duration QUIET = Duration.ofDays(20);

    @Resource
    private TimerService timers;

    @EJB
    private AccessReviewDeadlines deadlines;

    @EJB
    private DormantAccountService dormant;

    @Inject
    @ConfigProperty(name = "custodian.access-review.interval", defaultValue = "PT15M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "custodian.access-review.schedule", defaultValue = "quarterly")
    String schedule;

    @Inject
    @ConfigProperty(name = "custodian.access-review.policy", defaultValue = "revoke")
    String policy;

    @Inject
    @ConfigProperty(name = "custodian.access-review.deadline-days", defaultValue = "14")
    int deadlineDays;

    @Inject
    @ConfigProperty(name = "custodian.access-review.reminder-days", defaultValue = "3")
    int reminderDays;

    @Inject
    @ConfigProperty(name = "custodian.access-review.owner", defaultValue = "admin")
    String owner;

    @Inject
    @ConfigProperty(name = "custodian.dormant.disable-after-days", defaultValue = "0")
    int disableAfterDays;

    @PostConstruct
    void schedule() {
        // a bad value stops the deployment here, naming the key, rather than failing at the first campaign
        DeadlinePolicy deadlinePolicy = DeadlinePolicy.parse(policy);
        if (deadlinePolicy == null || deadlineDays < 1 || reminderDays < 0 || disableAfterDays < 0) {
            throw new IllegalStateException("custodian.access-review.policy must be revoke or escalate (is " + policy
                    + "), custodian.access-review.deadline-days at least 1, custodian.access-review.reminder-days"
                    + " and custodian.dormant.disable-after-days at least 0");
        }
        ScheduleExpression calendar = calendar(schedule);
        if (calendar == null) {
            LOG.info("Scheduled access review campaigns are off (custodian.access-review.schedule=" + schedule + ")");
        } else {
            timers.createCalendarTimer(calendar, new TimerConfig(CAMPAIGN, false));
        }
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("Access review deadlines and reminders are off (custodian.access-review.interval=" + interval
                    + ")");
            return;
        }
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(CHECK, false));
    }

    /** quarterly: 1 January, April, July, October at 06:00 UTC; monthly: the 1st at 06:00 UTC; off: none. */
    static ScheduleExpression calendar(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        ScheduleExpression base = new ScheduleExpression().timezone("UTC").dayOfMonth(1).hour(6).minute(0);
        return switch (text) {
            case "quarterly" -> base.month("1,4,7,10");
            case "monthly" -> base.month("*");
            case "off", "none", "false" -> null;
            default -> throw new IllegalStateException("custodian.access-review.schedule must be quarterly, monthly"
                    + " or off, not " + value);
        };
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire(Timer timer) {
        if (CAMPAIGN.equals(timer.getInfo())) {
            openCampaign();
        } else {
            check();
        }
    }

    private void openCampaign() {
        try {
            Long id = deadlines.openScheduled(owner, Duration.ofDays(deadlineDays), DeadlinePolicy.parse(policy),
                    QUIET);
            LOG.info(id == null ? "Scheduled access review skipped: one was opened recently"
                    : "Opened scheduled access review " + id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not open the scheduled access review: " + e.getMessage(), e);
        }
    }

    /** Each campaign in a transaction of its own: one that fails is tried again at the next tick. */
    private void check() {
        try {
            for (Long id : deadlines.openCampaigns()) {
                try {
                    if (deadlines.handleDeadline(id)) {
                        LOG.info("Access review " + id + ": deadline reached, undecided items handled");
                    } else {
                        deadlines.remind(id, Duration.ofDays(reminderDays));
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Access review " + id + ": " + e.getMessage(), e);
                }
            }
            if (disableAfterDays > 0) {
                int disabled = dormant.disableDormant(disableAfterDays);
                if (disabled > 0) {
                    LOG.info(disabled + " dormant account(s) disabled after " + disableAfterDays + " days");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Access review check failed: " + e.getMessage(), e);
        }
    }
}
