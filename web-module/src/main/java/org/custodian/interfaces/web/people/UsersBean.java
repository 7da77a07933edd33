package org.custodian.interfaces.web.people;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custodian.application.shared.PageResult;
import org.custodian.application.user.UserAdministrationService;
import org.custodian.application.user.UserQuery;
import org.custodian.application.user.UserView;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The user list: search (username, display name, e-mail as the service matches them), filters and paging, all in
 * the address (a GET form), so a result can be reloaded, bookmarked and paged with the keyboard.
 */
@Named
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @EJB
    UserAdministrationService users;

    @Inject
    PortalCaller portal;

    private String q;
    private String role;
    private String region;
    private String active;
    private int page;
    private PageResult<UserView> result;

    public void load() {
        PageFailures.read(() -> {
            Boolean activeOnly = "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
            result = users.list(portal.get(), new UserQuery(blankToNull(role), blankToNull(region), activeOnly,
                    blankToNull(q), Math.max(page, 0), PAGE_SIZE));
        });
    }

    public List<UserView> getUsers() {
        return result == null ? List.of() : result.items();
    }

    public long getTotal() {
        return result == null ? 0 : result.total();
    }

    public int getPages() {
        return (int) Math.max(1, (getTotal() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public boolean isPrevious() {
        return page > 0;
    }

    public boolean isNext() {
        return (long) (page + 1) * PAGE_SIZE < getTotal();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getActive() {
        return active;
    }

    public void setActive(String active) {
        this.active = active;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
