package org.custodian.interfaces.web.people;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.user.NewUser;
import org.custodian.application.user.UserAdministrationService;
import org.custodian.application.user.UserView;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/** Creating a user; guarded roles ticked here become requests for a second person, as in the API. */
@Named
@RequestScoped
public class NewUserBean {

    @EJB
    UserAdministrationService users;

    @Inject
    PortalCaller portal;

    private String username;
    private String displayName;
    private String email;
    private String timeZone = "UTC";
    private String locale = "en";
    private List<String> roles = new ArrayList<>();
    private List<String> regions = new ArrayList<>();

    public String create() {
        try {
            UserView created = users.create(portal.get(), new NewUser(username, displayName,
                    email == null || email.isBlank() ? null : email.trim(), List.copyOf(roles), List.copyOf(regions),
                    timeZone, locale, null));
            PageFailures.info("Created", created.username() + " was created; send them an invitation so they can"
                    + " set a password");
            UserBean.fourEyes(created, List.of());
            return Pages.redirect("/admin/user.xhtml?username=" + Pages.query(created.username()));
        } catch (RuntimeException e) {
            PageFailures.show(e, "newUser");
            return null;
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions;
    }
}
