package org.custodian.interfaces.web.people;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodian.application.audit.report.AccessReportService;
import org.custodian.application.audit.report.AccessReportService.Access;
import org.custodian.application.user.InvitationService;
import org.custodian.application.user.RoleGrantRequestView;
import org.custodian.application.user.UserAdministrationService;
import org.custodian.application.user.UserChanges;
import org.custodian.application.user.UserView;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.i18n.Labels;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One user: their profile and access to edit, the four-eyes requests waiting for a second person, disabling with
 * a reason, an invitation link shown once, and the account's history (the access report of the user).
 */
@Named
@ViewScoped
public class UserBean extends UserFormFields {

    private static final long serialVersionUID = 1L;
    private static final int HISTORY_SHOWN = 50;
    static final String INVITATION = "custodian.people.invitation";

    @EJB
    UserAdministrationService users;

    @EJB
    InvitationService invitations;

    @EJB
    AccessReportService reports;

    @Inject
    PortalCaller portal;

    private UserView user;
    private String disableReason;
    private List<Access> history;
    private boolean historyTruncated;

    public void load() {
        try {
            user = users.get(portal.get(), username);
            displayName = user.displayName();
            email = user.email();
            timeZone = user.timeZone();
            locale = user.locale();
            // the roles asked for stay ticked: leaving one out of a change would withdraw its request
            Set<String> wanted = new LinkedHashSet<>(user.roles());
            wanted.addAll(user.pendingRoles());
            roles = new ArrayList<>(wanted);
            regions = new ArrayList<>(user.regions());
            if (portal.may("REPORT_READ")) {
                AccessReportService.UserHistory found = reports.userHistory(portal.get(), user.username());
                List<Access> events = new ArrayList<>(found.events());
                java.util.Collections.reverse(events);
                history = new ArrayList<>(events.subList(0, Math.min(HISTORY_SHOWN, events.size())));
                historyTruncated = found.truncated() || events.size() > HISTORY_SHOWN;
            }
        } catch (RuntimeException e) {
            user = null;
            PageFailures.show(e, null);
        }
    }

    /** Sends only what was changed, so the trail and the four-eyes requests see just that. */
    public String save() {
        Set<String> present = new HashSet<>();
        String newEmail = emailOrNull();
        if (!Objects.equals(displayName, user.displayName())) {
            present.add("displayName");
        }
        if (!Objects.equals(newEmail, user.email())) {
            present.add("email");
        }
        if (!Objects.equals(timeZone, user.timeZone())) {
            present.add("timeZone");
        }
        if (!Objects.equals(locale, user.locale())) {
            present.add("locale");
        }
        Set<String> before = new HashSet<>(user.roles());
        before.addAll(user.pendingRoles());
        if (!new HashSet<>(roles).equals(before)) {
            present.add("roles");
        }
        if (!new HashSet<>(regions).equals(new HashSet<>(user.regions()))) {
            present.add("regions");
        }
        if (present.isEmpty()) {
            PageFailures.info(Texts.get("msg.users.unchanged"), Texts.get("msg.users.unchanged.detail", user.username()));
            return back();
        }
        try {
            UserView changed = users.change(portal.get(), user.username(), new UserChanges(present, displayName,
                    newEmail, List.copyOf(roles), List.copyOf(regions), timeZone, locale, null));
            PageFailures.info(Texts.get("msg.users.saved"), Texts.get("msg.users.saved.detail", user.username(),
                    String.join(", ", present.stream().sorted().toList())));
            fourEyes(changed, user.pendingRoles());
            return back();
        } catch (RuntimeException e) {
            PageFailures.show(e, "profile");
            return null;
        }
    }

    /** Says plainly which roles were asked for and not given: they wait for a second person. */
    static void fourEyes(UserView changed, List<String> pendingBefore) {
        for (RoleGrantRequestView request : changed.grantRequests()) {
            if (!pendingBefore.contains(request.role())) {
                PageFailures.info(Texts.get("msg.users.waiting"), Texts.get("msg.users.waiting.detail",
                        Labels.label("role", request.role()), String.valueOf(request.id()), changed.username()));
            }
        }
    }

    public String disable() {
        return PageFailures.attempt("disable", () -> {
            users.disable(portal.get(), user.username(), disableReason);
            PageFailures.info(Texts.get("people.disabled"), Texts.get("msg.users.disabled.detail", user.username()));
            return back();
        });
    }

    public String enable() {
        return PageFailures.attempt(null, () -> {
            users.change(portal.get(), user.username(), new UserChanges(Set.of("active"), null, null, null, null,
                    null, null, Boolean.TRUE));
            PageFailures.info(Texts.get("msg.users.enabled"), Texts.get("msg.users.enabled.detail", user.username()));
            return back();
        });
    }

    /** A new one-time link; it reaches the next page through the flash only, so a reload does not show it again. */
    public String invite() {
        return PageFailures.attempt(null, () -> {
            InvitationService.IssuedInvitation issued = invitations.invite(portal.get(), user.username());
            Pages.flash(INVITATION, new ShownInvitation(root() + "/invitation.xhtml?token=" + issued.token(),
                    issued.expiresAt()));
            PageFailures.info(Texts.get("msg.users.invitation"), Texts.get("msg.users.invitation.detail",
                    user.username()));
            return back();
        });
    }

    /** The link as the API gives it: CUSTODIAN_PUBLIC_URL first (a proxy may rewrite the host), else this request's. */
    private static String root() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return ConfigProvider.getConfig().getOptionalValue("custodian.public-url", String.class)
                .map(base -> base.replaceAll("/+$", ""))
                .orElseGet(() -> external.getRequestScheme() + "://" + external.getRequestServerName() + ":"
                        + external.getRequestServerPort() + external.getRequestContextPath());
    }

    private String back() {
        return Flow.redirect("/admin/user.xhtml?username=" + Pages.query(user.username()));
    }

    public ShownInvitation getInvitation() {
        return (ShownInvitation) Pages.flashed(INVITATION);
    }

    /** A one-time link as the page shows it once. */
    public record ShownInvitation(String url, Instant expiresAt) implements Serializable {
    }

    public UserView getUser() {
        return user;
    }

    public List<Access> getHistory() {
        return history;
    }

    public boolean isHistoryTruncated() {
        return historyTruncated;
    }


    public String getDisableReason() {
        return disableReason;
    }

    public void setDisableReason(String disableReason) {
        this.disableReason = disableReason;
    }
}
