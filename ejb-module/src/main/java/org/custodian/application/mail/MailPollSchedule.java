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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.shared.TimerWatchdog;

/**
 * Every {@code custodian.mail.poll-interval} reads the unseen mail of each configured mailbox; the mails are taken a
 * group at a time in one transaction (each on its own if the group fails) and marked seen only after that
 * committed. Nothing is scheduled when no mailbox is configured (mail is off by default).
 */
@Singleton
@Startup
@Interceptors(TimerWatchdog.class)
@DependsOn("DatabaseMigrator")
public class MailPollSchedule {

    private static final Logger LOG = Logger.getLogger(MailPollSchedule.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private MailIntakeService intake;

    @Inject
    private MailSettings settings;

    @Inject
    private MailboxReader reader;

    @Inject
    private MailPollState state;

    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void schedule() {
        if (!settings.receiving()) {
            LOG.info("No mailbox configured (custodian.mail.inboxes): mail is not read");
            return;
        }
        LOG.info(() -> "Reading mail from " + settings.mailboxes() + " every " + settings.pollInterval());
        long millis = settings.pollInterval().toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig("mail-poll", false));
    }

    @Timeout
    void poll() {
        for (Mailbox box : settings.mailboxes()) {
            try {
                int handled = reader.poll(box, settings.pollBatch(), mails -> takeAll(box, mails));
                state.polled(box.name(), clock.instant(), handled);
            } catch (Exception e) {
                boolean news = state.failed(box.name(), clock.instant(),
                        e.getClass().getSimpleName() + ": " + e.getMessage());
                // a mailbox that stays down is warned about once (then FINE), not every poll; /health shows it
                LOG.log(news ? Level.WARNING : Level.FINE, "Mailbox " + box.name() + " could not be read: "
                        + e.getMessage() + (news ? " (again at every poll until it can; see /health)" : ""));
            }
        }
    }

    /**
     * The mails whose transaction committed (to be marked seen): the group in one transaction (#24: one commit and
     * one chaining of the trail for many mails), or, if that fails, each mail in its own, so that a bad mail is
     * counted and held alone and the others go in.
     */
    private List<InboundMail> takeAll(Mailbox box, List<InboundMail> mails) {
        if (mails.size() > 1) {
            try {
                intake.receiveAll(box, mails);
                return mails;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A group of " + mails.size() + " mails in " + box.name()
                        + " failed together; each is taken on its own", e);
            }
        }
        List<InboundMail> taken = new ArrayList<>(mails.size());
        for (InboundMail mail : mails) {
            if (take(box, mail)) {
                taken.add(mail);
            }
        }
        return taken;
    }

    /** True (mark it seen) once the mail's transaction committed; false leaves it unseen for the next poll. */
    private boolean take(Mailbox box, InboundMail mail) {
        try {
            intake.receive(box, mail);
            return true;
        } catch (RuntimeException e) {
            String error = rootCause(e);
            try {
                if (intake.failed(box, mail, error)) {
                    LOG.warning(() -> "Mail " + mail.messageId() + " in " + box.name() + " failed intake "
                            + settings.intakeAttempts() + " times and is held: " + error);
                    return true;
                }
            } catch (RuntimeException counting) {
                LOG.log(Level.FINE, "The failure of mail " + mail.messageId() + " could not be counted", counting);
            }
            LOG.log(Level.WARNING, "Mail " + mail.messageId() + " in " + box.name()
                    + " was not taken; the next poll tries again", e);
            return false;
        }
    }

    /**
     * What failed, without the exception's message: that may quote the mail's own values (a database error names the
     * value it refused), and this text goes to the held list, the audit trail and the failure counter, where no
     * personal data may land unmasked. The server log keeps the whole exception.
     */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            return root.getClass().getSimpleName() + " (SQL state " + sql.getSQLState() + ")";
        }
        return root.getClass().getSimpleName();
    }
}
