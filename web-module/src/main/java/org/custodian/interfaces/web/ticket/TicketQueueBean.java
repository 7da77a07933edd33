package org.custodian.interfaces.web.ticket;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.application.access.AccessService;
import org.custodian.application.access.Views.GrantView;
import org.custodian.application.shared.PageResult;
import org.custodian.application.ticket.TicketQuery;
import org.custodian.application.ticket.TicketService;
import org.custodian.application.ticket.TicketView;
import org.custodian.domain.model.user.Role;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The queue: the tickets of the user's regions (or grant), or only those assigned to the user, filtered by status,
 * region and text, sorted, a page at a time.
 */
@Named
@ViewScoped
public class TicketQueueBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @EJB
    TicketService tickets;

    @EJB
    AccessService access;

    @Inject
    PortalCaller portal;

    private String status;
    private String region;
    private String text;
    private String queue = "regions";
    private String sort = "newest";
    private int page;
    private long total;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private List<GrantView> grants = List.of();

    @PostConstruct
    void load() {
        if (portal.hasRole(Role.CONTRACTOR.name())) {
            // a contractor sees only what a grant covers: say which, and until when
            try {
                grants = access.grants(portal.get(), null).stream()
                        .filter(grant -> "ACTIVE".equals(grant.state())).toList();
            } catch (RuntimeException e) {
                PageFailures.show(e, null);
            }
        }
        search();
    }

    public List<GrantView> getGrants() {
        return grants;
    }

    public void filter() {
        page = 0;
        search();
    }

    public void next() {
        if ((page + 1L) * PAGE_SIZE < total) {
            page++;
        }
        search();
    }

    public void previous() {
        page = Math.max(0, page - 1);
        search();
    }

    private void search() {
        rows.clear();
        try {
            PageResult<TicketView> found = tickets.search(portal.get(),
                    new TicketQuery(status, region, text, "mine".equals(queue) ? "me" : "team".equals(queue) ? "team" : null, sort, page, PAGE_SIZE));
            found.items().forEach(view -> rows.add(view.body()));
            total = found.total();
        } catch (RuntimeException e) {
            total = 0;
            PageFailures.show(e, "filters");
        }
    }

    public List<Map<String, Object>> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    public int getPage() {
        return page;
    }

    public String getPageLabel() {
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return "Page " + (page + 1) + " of " + pages + " (" + total + " tickets)";
    }

    public boolean isFirstPage() {
        return page == 0;
    }

    public boolean isLastPage() {
        return (page + 1L) * PAGE_SIZE >= total;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
