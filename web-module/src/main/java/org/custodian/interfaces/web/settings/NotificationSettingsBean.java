package org.custodian.interfaces.web.settings;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custodian.application.notification.NotificationPreferences;
import org.custodian.application.notification.NotificationService;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.session.PortalCaller;

/** "My settings", notifications: per event, in the portal's list and by mail. Saving goes back by a redirect. */
@Named
@ViewScoped
public class NotificationSettingsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/settings.xhtml?faces-redirect=true";

    @EJB
    NotificationService notifications;

    @Inject
    PortalCaller portal;

    private boolean allowed;
    private boolean mailAddress;
    private boolean assignedInApp;
    private boolean assignedMail;
    private boolean replyInApp;
    private boolean replyMail;
    private boolean mentionInApp;
    private boolean mentionMail;

    /** The view action: the user's choices as they are (defaults when they never chose). */
    public void load() {
        allowed = portal.isSignedIn() && portal.may("NOTIFICATION_READ");
        if (!allowed || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        PageFailures.read(() -> {
            NotificationPreferences current = notifications.preferences(portal.get());
            mailAddress = current.mailAddress();
            for (NotificationPreferences.Preference preference : current.preferences()) {
                switch (preference.event()) {
                    case "ASSIGNED" -> {
                        assignedInApp = preference.inApp();
                        assignedMail = preference.mail();
                    }
                    case "CUSTOMER_REPLY" -> {
                        replyInApp = preference.inApp();
                        replyMail = preference.mail();
                    }
                    case "MENTION" -> {
                        mentionInApp = preference.inApp();
                        mentionMail = preference.mail();
                    }
                    default -> {
                        // a kind this page does not know yet: left as it is
                    }
                }
            }
        });
    }

    public String save() {
        try {
            notifications.changePreferences(portal.get(), List.of(
                    new NotificationPreferences.Change("ASSIGNED", assignedInApp, assignedMail),
                    new NotificationPreferences.Change("CUSTOMER_REPLY", replyInApp, replyMail),
                    new NotificationPreferences.Change("MENTION", mentionInApp, mentionMail)));
        } catch (RuntimeException e) {
            PageFailures.show(e, "notificationSettings");
            return null;
        }
        String done = Texts.get("settings.notifications.saved");
        return Flow.doneAt(PAGE, done, done);
    }

    public boolean isAllowed() {
        return allowed;
    }

    public boolean isMailAddress() {
        return mailAddress;
    }

    public boolean isAssignedInApp() {
        return assignedInApp;
    }

    public void setAssignedInApp(boolean assignedInApp) {
        this.assignedInApp = assignedInApp;
    }

    public boolean isAssignedMail() {
        return assignedMail;
    }

    public void setAssignedMail(boolean assignedMail) {
        this.assignedMail = assignedMail;
    }

    public boolean isReplyInApp() {
        return replyInApp;
    }

    public void setReplyInApp(boolean replyInApp) {
        this.replyInApp = replyInApp;
    }

    public boolean isReplyMail() {
        return replyMail;
    }

    public void setReplyMail(boolean replyMail) {
        this.replyMail = replyMail;
    }

    public boolean isMentionInApp() {
        return mentionInApp;
    }

    public void setMentionInApp(boolean mentionInApp) {
        this.mentionInApp = mentionInApp;
    }

    public boolean isMentionMail() {
        return mentionMail;
    }

    public void setMentionMail(boolean mentionMail) {
        this.mentionMail = mentionMail;
    }
}
