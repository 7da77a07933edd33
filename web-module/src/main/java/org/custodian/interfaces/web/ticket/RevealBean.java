package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.custodian.application.customer.CustomerService;
import org.custodian.application.reveal.RevealRequest;
import org.custodian.application.reveal.RevealService;
import org.custodian.application.reveal.RevealView;
import org.custodian.application.reveal.RevealableField;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Times;

/**
 * The Reveal buttons of a ticket or customer page (#23): next to each masked field the user may reveal, a reason box
 * and a button; a revealed field shows in full with when that ends. The values come from the page's own reads (and,
 * for the customer's fields on a ticket page, a read of the customer), so the one policy path shows them.
 */
@Named
@ViewScoped
public class RevealBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> ORDER = List.of("customer.phone", "customer.email", "customer.name",
            "ticket.subject", "ticket.description");

    @EJB
    RevealService reveals;

    @EJB
    CustomerService customers;

    @Inject
    PortalCaller portal;

    /** The reason typed next to each field (one form for all rows), by field key. */
    private final Map<String, String> reasons = new HashMap<>();
    /** What was wrong with a row's reason, shown under its box. */
    private final Map<String, String> problems = new HashMap<>();
    private final Map<String, List<Row>> rows = new HashMap<>();

    /** One field next to its Reveal button, or revealed with its end. */
    public record Row(String key, String label, String value, String until) implements Serializable {
        public boolean isRevealed() {
            return until != null;
        }
    }

    /**
     * @param type TICKET or CUSTOMER
     * @param shown the fields the page shows of the record (unqualified keys)
     * @param customerId on a ticket page, its customer (whose contact fields the agent may need to call back)
     */
    public List<Row> rows(String type, Long id, List<ShownField> shown, Object customerId) {
        if (id == null) {
            return List.of();
        }
        return rows.computeIfAbsent(type + ":" + id, key -> load(type, id, shown, customerId));
    }

    private List<Row> load(String type, long id, List<ShownField> shown, Object customerId) {
        List<RevealableField> fields = reveals.revealable(portal.get(), type, id);
        Map<String, String> values = new HashMap<>();
        String own = "TICKET".equals(type) ? "ticket." : "customer.";
        shown.forEach(field -> values.put(own + field.key(), field.value()));
        if ("TICKET".equals(type) && customerId != null
                && fields.stream().anyMatch(field -> field.key().startsWith("customer."))) {
            try {
                // an audited read of the customer, as the customer page would make
                customers.get(portal.get(), Long.parseLong(String.valueOf(customerId))).body()
                        .forEach((key, value) -> values.put("customer." + key, value == null ? "" : value.toString()));
            } catch (RuntimeException refused) {
                // not readable after all: no customer rows
            }
        }
        List<Row> found = new ArrayList<>();
        // what a call back needs first: the customer's phone, e-mail and name, then the ticket's texts
        fields = fields.stream().sorted(java.util.Comparator.comparingInt(RevealBean::rank)).toList();
        for (RevealableField field : fields) {
            if (values.containsKey(field.key())) {
                found.add(new Row(field.key(), label(field.key()), values.get(field.key()),
                        field.revealedUntil() == null ? null : Times.forUser(field.revealedUntil())));
            }
        }
        return found;
    }

    private static int rank(RevealableField field) {
        int known = ORDER.indexOf(field.key());
        return known < 0 ? ORDER.size() : known;
    }

    /** Reveals one field and comes back to the page (post-redirect-get), saying that the reveal is recorded. */
    public String reveal(String type, Long id, String fieldKey) {
        problems.clear();
        String reason = reasons.get(fieldKey);
        if (reason == null || reason.isBlank()) {
            return refuse(fieldKey, text("reveal.reason.required"));
        }
        if (reason.trim().length() < 10) {
            return refuse(fieldKey, text("reveal.reason.short"));
        }
        RevealView revealed;
        try {
            RevealRequest request = new RevealRequest(List.of(fieldKey), reason);
            revealed = "TICKET".equals(type) ? reveals.revealOnTicket(portal.get(), id, request)
                    : reveals.revealOnCustomer(portal.get(), id, request);
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
            return null;
        }
        reasons.clear();
        rows.clear();
        return Flow.doneAt(("TICKET".equals(type) ? "/ticket" : "/customer") + "?faces-redirect=true&id=" + id,
                text("reveal.done"), MessageFormat.format(text("reveal.recorded"), label(fieldKey),
                        Times.forUser(revealed.expiresAt())));
    }

    /** The problem under the row's reason box; the page stays as it was, with what was typed. */
    private String refuse(String fieldKey, String problem) {
        problems.put(fieldKey, problem);
        FacesContext.getCurrentInstance().validationFailed();
        return null;
    }

    private static String label(String key) {
        String label = text("reveal.field." + key);
        return label.startsWith("???") ? key : label;
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "???" + key;
        }
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public Map<String, String> getProblems() {
        return problems;
    }
}
