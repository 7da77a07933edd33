package org.custodian.interfaces.web.ticket;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.custodian.application.access.AccessService;
import org.custodian.application.access.Views.GrantView;
import org.custodian.application.shared.PageResult;
import org.custodian.application.team.TeamService;
import org.custodian.application.team.TeamView;
import org.custodian.application.ticket.BulkResult;
import org.custodian.application.ticket.TicketDeskService;
import org.custodian.application.ticket.TicketQuery;
import org.custodian.application.ticket.TicketService;
import org.custodian.application.ticket.TicketView;
import org.custodian.domain.model.ticket.TicketStatus;
import org.custodian.domain.model.user.Role;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The queue (#23): the filters are GET parameters (queue, status, region, q, sort, page), so a view is a URL one can
 * bookmark and Back shows it again without a resubmit; bulk assignment and status change post, then redirect to
 * the same filtered URL with a summary of what changed and what was refused and why.
 */
@Named
@ViewScoped
public class TicketQueueBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;
    /** The flash key of the last bulk change's results, shown once after the redirect. */
    static final String BULK_RESULTS = "queue.bulkResults";

    @EJB
    TicketService tickets;

    @EJB
    TicketDeskService desk;

    @EJB
    TeamService teams;

    @EJB
    AccessService access;

    @Inject
    PortalCaller portal;

    private String status;
    private String region;
    private String text;
    private String queue = "regions";
    private String sort = "newest";
    private String pageParam;
    private int page;
    private long total;
    private boolean searched;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private List<GrantView> grants = List.of();
    private String bulkAssignee;
    private String bulkStatus;

    @PostConstruct
    void load() {
        if (portal.hasRole(Role.CONTRACTOR.name())) {
            // a contractor sees only what a grant covers: say which, and until when
            PageFailures.read(() -> {
                grants = access.grants(portal.get(), null).stream()
                        .filter(grant -> "ACTIVE".equals(grant.state())).toList();
            });
        }
    }

    public List<GrantView> getGrants() {
        return grants;
    }

    /** The view action: runs the search the URL describes (once per request, not again on a postback). */
    public void search() {
        if (searched) {
            return;
        }
        searched = true;
        rows.clear();
        try {
            page = pageParam == null || pageParam.isBlank() ? 0 : Math.max(0, Integer.parseInt(pageParam.trim()));
        } catch (NumberFormatException e) {
            page = 0;
        }
        try {
            PageResult<TicketView> found = tickets.search(portal.get(),
                    new TicketQuery(blank(status), blank(region), blank(text), assigneeFilter(), blank(sort), page,
                            PAGE_SIZE));
            found.items().forEach(view -> rows.add(view.body()));
            total = found.total();
        } catch (RuntimeException e) {
            total = 0;
            PageFailures.show(e, null);
        }
    }

    private String assigneeFilter() {
        return switch (queue == null ? "" : queue) {
            case "mine" -> "me";
            case "team" -> "team";
            case "unassigned" -> "unassigned";
            default -> null;
        };
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Assigns the chosen tickets to a person (an empty choice unassigns them; a team keeps them) or routes them to a
     * team (#23: a person outside it is taken off).
     */
    public String bulkAssign() {
        String choice = blank(bulkAssignee);
        if (choice != null && choice.startsWith(TeamAssignmentPicker.TEAM)) {
            return bulk("team", choice.substring(TeamAssignmentPicker.TEAM.length()));
        }
        return bulk("assignee", choice);
    }

    /** The teams a bulk change may route tickets to (#23): those the caller sees; each ticket checks its own. */
    public List<SelectItem> getBulkTeams() {
        List<SelectItem> offered = new ArrayList<>();
        try {
            for (TeamView team : teams.list(portal.get())) {
                offered.add(new SelectItem(TeamAssignmentPicker.TEAM + team.key(),
                        Flow.text("assign.wholeTeam", team.name())));
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        if (offered.isEmpty()) {
            return List.of();
        }
        SelectItemGroup group = new SelectItemGroup(Flow.text("assign.teams"));
        group.setSelectItems(offered.toArray(SelectItem[]::new));
        return List.of(group);
    }

    public String bulkChangeStatus() {
        return bulk("status", blank(bulkStatus));
    }

    private String bulk(String field, String value) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String[] chosen = external.getRequestParameterValuesMap().get("ids");
        List<Long> ids = new ArrayList<>();
        if (chosen != null) {
            for (String id : chosen) {
                try {
                    ids.add(Long.valueOf(id));
                } catch (NumberFormatException e) {
                    // not a ticket id: not from this page
                }
            }
        }
        List<BulkResult> results;
        try {
            results = desk.bulk(portal.get(), ids, field, value);
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
            return null;
        }
        external.getFlash().setKeepMessages(true);
        external.getFlash().put(BULK_RESULTS, results);
        long changed = results.stream().filter(BulkResult::changed).count();
        PageFailures.info(message("bulk.done"), String.format(message("bulk.summary"), changed,
                results.size() - changed));
        return "/index?faces-redirect=true&includeViewParams=true";
    }

    /** The last bulk change's results (after its redirect), else empty. */
    @SuppressWarnings("unchecked")
    public List<BulkResult> getBulkResults() {
        Object results = FacesContext.getCurrentInstance().getExternalContext().getFlash().get(BULK_RESULTS);
        return results instanceof List<?> list ? (List<BulkResult>) list : List.of();
    }

    /** People a bulk assignment offers: the caller and the members of the teams they see. */
    public List<String> getBulkAssignees() {
        TreeSet<String> people = new TreeSet<>();
        people.add(portal.getUsername());
        try {
            for (TeamView team : teams.list(portal.get())) {
                people.addAll(team.members());
            }
        } catch (RuntimeException e) {
            // no teams to offer: the caller alone
        }
        return List.copyOf(people);
    }

    public List<String> getStatuses() {
        return Arrays.stream(TicketStatus.values()).map(Enum::name).toList();
    }

    private static String message(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
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
        return String.format(message("queue.pageLabel"), page + 1, pages, total);
    }

    public boolean isFirstPage() {
        return page == 0;
    }

    public boolean isLastPage() {
        return (page + 1L) * PAGE_SIZE >= total;
    }

    public String getPageParam() {
        return pageParam;
    }

    public void setPageParam(String pageParam) {
        this.pageParam = pageParam;
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

    public String getBulkAssignee() {
        return bulkAssignee;
    }

    public void setBulkAssignee(String bulkAssignee) {
        this.bulkAssignee = bulkAssignee;
    }

    public String getBulkStatus() {
        return bulkStatus;
    }

    public void setBulkStatus(String bulkStatus) {
        this.bulkStatus = bulkStatus;
    }
}
