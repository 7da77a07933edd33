package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.catalog.CatalogEntryView;
import org.custodian.application.catalog.CatalogService;
import org.custodian.application.team.TeamService;
import org.custodian.application.team.TeamView;
import org.custodian.application.ticket.AssignableUser;
import org.custodian.application.ticket.TicketDeskService;
import org.custodian.application.ticket.TicketService;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The pick lists of the ticket forms (#23): categories, products and sites from the master lists (a retired value
 * a ticket already carries stays offered on that ticket), and the people who may work the ticket, grouped by team.
 */
@Named("pickLists")
@RequestScoped
public class PickLists {

    @EJB
    CatalogService catalog;

    @EJB
    TicketService tickets;

    @EJB
    TicketDeskService desk;

    @EJB
    TeamService teams;

    @Inject
    PortalCaller portal;

    private final Map<CatalogKind, List<CatalogEntryView>> active = new EnumMap<>(CatalogKind.class);
    private final Map<Long, List<SelectItem>> assignees = new LinkedHashMap<>();

    /** The active categories, plus {@code current} (marked retired) if the ticket carries one no longer listed. */
    public List<SelectItem> categories(String current) {
        return items(CatalogKind.CATEGORY, current);
    }

    public List<SelectItem> products(String current) {
        return items(CatalogKind.PRODUCT, current);
    }

    public List<SelectItem> sites(String current) {
        return items(CatalogKind.SITE, current);
    }

    private List<SelectItem> items(CatalogKind kind, String current) {
        List<CatalogEntryView> entries = active.computeIfAbsent(kind, catalog::active);
        List<SelectItem> items = new ArrayList<>();
        boolean listed = current == null || current.isBlank();
        for (CatalogEntryView entry : entries) {
            items.add(new SelectItem(entry.code(), entry.label()));
            listed |= entry.code().equals(current);
        }
        if (!listed) {
            items.add(0, new SelectItem(current, current + " " + message("pick.retired")));
        }
        return items;
    }

    /** Who may work the ticket, by team; {@code current} stays offered (an assignment made earlier stands). */
    public List<SelectItem> assigneesOf(Long ticketId, String current) {
        if (ticketId == null) {
            return List.of();
        }
        return assignees.computeIfAbsent(ticketId, id -> {
            try {
                return grouped(tickets.assignableUsers(portal.get(), id), current);
            } catch (RuntimeException e) {
                return List.of(); // the ticket page shows why the ticket cannot be worked
            }
        });
    }

    /**
     * Who may work a new ticket of the customer and category typed so far (read from the request as typed, so that
     * the list follows the form before it is submitted whole).
     */
    public List<SelectItem> assigneesForNew(Long customerId, String category) {
        Map<String, String> typed = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        Long customer = customerId;
        String chosen = typed.getOrDefault("newTicket:category", category);
        try {
            if (typed.containsKey("newTicket:customerId")) {
                customer = Long.valueOf(typed.get("newTicket:customerId").trim());
            }
        } catch (NumberFormatException e) {
            customer = null;
        }
        if (customer == null) {
            return List.of();
        }
        try {
            return grouped(desk.assignableForNew(portal.get(), customer, chosen), null);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** One group per team the caller sees (its assignable members), then everyone else who may. */
    private List<SelectItem> grouped(List<AssignableUser> users, String current) {
        Map<String, String> names = new LinkedHashMap<>();
        for (AssignableUser user : users) {
            names.put(user.username(), user.displayName() == null ? user.username()
                    : user.displayName() + " (" + user.username() + ")");
        }
        List<SelectItem> items = new ArrayList<>();
        if (current != null && !current.isBlank() && !names.containsKey(current)) {
            items.add(new SelectItem(current, current + " " + message("pick.cannotWork")));
        }
        Map<String, String> others = new LinkedHashMap<>(names);
        List<TeamView> visible;
        try {
            visible = teams.list(portal.get());
        } catch (RuntimeException e) {
            visible = List.of();
        }
        for (TeamView team : visible) {
            List<SelectItem> members = new ArrayList<>();
            for (String member : team.members()) {
                if (names.containsKey(member)) {
                    members.add(new SelectItem(member, names.get(member)));
                    others.remove(member);
                }
            }
            if (!members.isEmpty()) {
                SelectItemGroup group = new SelectItemGroup(team.name());
                group.setSelectItems(members.toArray(SelectItem[]::new));
                items.add(group);
            }
        }
        if (!others.isEmpty()) {
            SelectItemGroup group = new SelectItemGroup(message("pick.otherPeople"));
            group.setSelectItems(others.entrySet().stream().map(e -> new SelectItem(e.getKey(), e.getValue()))
                    .toArray(SelectItem[]::new));
            items.add(group);
        }
        return items;
    }

    private static String message(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }
}
