package org.custodian.interfaces.web.settings;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.application.access.AccessService;
import org.custodian.application.access.Views.NotificationView;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Times;
import org.custodian.interfaces.web.session.PortalCaller;

/** The user's latest notifications (the in-app list), as the texts were written: in their language. */
@Named
@RequestScoped
public class MyNotificationsBean {

    private static final int SHOWN = 20;

    @EJB
    AccessService access;

    @Inject
    PortalCaller portal;

    private List<NotificationView> latest;

    public List<NotificationView> getLatest() {
        if (latest == null) {
            latest = List.of();
            if (portal.isSignedIn() && portal.may("NOTIFICATION_READ")) {
                PageFailures.read(() -> {
                    List<NotificationView> all = access.notifications(portal.get());
                    latest = all.subList(0, Math.min(SHOWN, all.size()));
                });
            }
        }
        return latest;
    }

    public String when(NotificationView notification) {
        return Times.forUser(notification.createdAt());
    }

    /** A ticket's notification links to the ticket. */
    public boolean isTicket(NotificationView notification) {
        return "TICKET".equals(notification.resourceType());
    }
}
