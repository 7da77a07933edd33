package org.custodian.interfaces.web.people;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.application.user.NewUser;
import org.custodian.application.user.UserAdministrationService;
import org.custodian.application.user.UserView;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Texts;

/** Creating a user; guarded roles ticked here become requests for a second person, as in the API. */
@Named
@RequestScoped
public class NewUserBean extends UserFormFields {

    @EJB
    UserAdministrationService users;

    @Inject
    PortalCaller portal;

    private static final long serialVersionUID = 1L;

    public NewUserBean() {
        timeZone = "UTC";
        locale = "en";
    }

    public String create() {
        return PageFailures.attempt("newUser", () -> {
            UserView created = users.create(portal.get(), new NewUser(username, displayName,
                    emailOrNull(), List.copyOf(roles), List.copyOf(regions),
                    timeZone, locale, null));
            PageFailures.info(Texts.get("msg.users.created"), Texts.get("msg.users.created.detail",
                    created.username()));
            UserBean.fourEyes(created, List.of());
            return Flow.redirect("/admin/user.xhtml?username=" + Pages.query(created.username()));
        });
    }
}
