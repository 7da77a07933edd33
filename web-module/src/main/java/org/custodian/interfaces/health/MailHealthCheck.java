package org.custodian.interfaces.health;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.custodian.application.mail.MailOutboxService;
import org.custodian.application.notification.NotificationMailService;
import org.custodian.interfaces.health.probe.HealthProbes;
import org.custodian.interfaces.health.probe.MailReadiness;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Mail in and out (#24): whether it is configured at all (off by default), how each mailbox's last poll went, and
 * the outbox (pending, sent, failed after the last attempt) and the held mail. A mail server that is down does not
 * make Custodian unready (the outbox keeps the mail), so the check stays UP and reports.
 */
@ApplicationScoped
public class MailHealthCheck {

    @EJB
    MailOutboxService mail;

    @EJB
    NotificationMailService notifications;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        HealthProbes.register(MailReadiness.NAME, this::call);
    }

    @PreDestroy
    void unregister() {
        HealthProbes.unregister(MailReadiness.NAME);
    }

    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(MailReadiness.NAME);
        try {
            MailOutboxService.Status status = mail.status();
            response.up().withData("receiving", status.receiving()).withData("sending", status.sending());
            if (!status.receiving() && !status.sending()) {
                return response.withData("state", "off: no mailbox and no outbound server configured").build();
            }
            response.withData("mailboxes", String.join("; ", status.mailboxes())).withData("smtp", status.smtp())
                    .withData("outboxPending", status.pending()).withData("outboxSent", status.sent())
                    .withData("outboxFailed", status.failed()).withData("held", status.held());
            // #24: notification mail to staff, the same outbox pattern
            NotificationMailService.Counts notified = notifications.counts();
            response.withData("notificationsPending", notified.pending())
                    .withData("notificationsFailed", notified.failed());
            for (Map.Entry<String, String> poll : status.lastPolls().entrySet()) {
                response.withData("poll." + poll.getKey(), poll.getValue());
            }
            return response.build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
