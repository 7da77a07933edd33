package org.custodian.interfaces.web.customer;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.application.customer.CustomerDirectoryService;
import org.custodian.application.customer.CustomerQuery;
import org.custodian.application.customer.CustomerView;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.ticket.NewTicketBean;

/**
 * The customer field of a new ticket: the agent searches by name, e-mail or phone (as the directory lets them)
 * and picks one of the customers found, instead of typing a customer number. Opened from a customer's page
 * ({@code ?customer=7}), that customer is picked already.
 */
@Named
@ViewScoped
public class CustomerPickBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int LISTED = 20;

    /** One customer to pick: the id and how the policy lets this user tell them apart. */
    public record Option(long id, String label) implements Serializable {
    }

    @EJB
    CustomerDirectoryService directory;

    @Inject
    PortalCaller portal;

    @Inject
    NewTicketBean ticket;

    private String query;
    private final List<Option> options = new ArrayList<>();
    private boolean searched;
    private String problem;

    @PostConstruct
    void preselect() {
        String given = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("customer");
        if (given == null || !given.matches("[0-9]{1,18}")) {
            return;
        }
        if (!portal.may("CUSTOMER_READ")) {
            // the number field, filled in: nothing to look up for a user who may not read customers
            ticket.setCustomerId(Long.parseLong(given));
            return;
        }
        try {
            CustomerView customer = directory.summary(portal.get(), Long.parseLong(given));
            options.add(new Option(customer.id(), label(customer.body())));
            ticket.setCustomerId(customer.id());
        } catch (RuntimeException e) {
            // shown at the field (the page's messages are already drawn when the picker is first asked)
            problem = PortalText.of("pick.unknown", given);
        }
    }

    public void find() {
        problem = null;
        options.clear();
        searched = true;
        if (query == null || query.isBlank()) {
            return;
        }
        if (query.trim().length() < CustomerQuery.MIN_TEXT) {
            // the directory refuses shorter texts (#27): say so at the field rather than "could not be run"
            problem = PortalText.of("pick.tooShort", CustomerQuery.MIN_TEXT);
            return;
        }
        try {
            for (CustomerView customer : directory.search(portal.get(), new CustomerQuery(query, null, 0, LISTED))
                    .items()) {
                options.add(new Option(customer.id(), label(customer.body())));
            }
        } catch (RuntimeException e) {
            // an Ajax answer draws only the field: say it there
            problem = PortalText.of("pick.failed");
        }
        if (options.size() == 1) {
            ticket.setCustomerId(options.get(0).id());
        }
    }

    static String label(Map<String, Object> shown) {
        return CustomerLabel.of(shown);
    }

    /** What the search found, for the hint under the field. */
    public String getFoundText() {
        if (problem != null) {
            return problem;
        }
        if (!searched) {
            return options.isEmpty() ? PortalText.of("customerPick.hint") : "";
        }
        return options.isEmpty() ? PortalText.of("customerPick.none") : PortalText.of("customerPick.found", options.size());
    }

    public List<Option> getOptions() {
        return options;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }
}
