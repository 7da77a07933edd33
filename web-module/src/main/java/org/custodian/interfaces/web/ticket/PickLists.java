package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.catalog.CatalogEntryView;
import org.custodian.application.catalog.CatalogService;
import org.custodian.application.ticket.TicketDeskService;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The pick lists of the ticket forms (#23): categories, products and sites from the master lists (a retired value
 * a ticket already carries stays offered on that ticket), and the teams and people who may work a new ticket.
 */
@Named("pickLists")
@RequestScoped
public class PickLists {

    @EJB
    CatalogService catalog;

    @EJB
    TicketDeskService desk;

    @Inject
    PortalCaller portal;

    private final Map<CatalogKind, List<CatalogEntryView>> active = new EnumMap<>(CatalogKind.class);

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
            return TeamAssignmentPicker.items(desk.assignableForNew(portal.get(), customer, chosen), null);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String message(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }
}
