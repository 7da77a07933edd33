package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.custodian.application.customer.CustomerChanges;
import org.custodian.application.customer.CustomerDirectoryService;
import org.custodian.application.customer.CustomerEditing;
import org.custodian.application.customer.CustomerRevision;
import org.custodian.application.customer.CustomerView;
import org.custodian.application.customer.Registration;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.customer.CustomerLabel;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The customer page's edit form (#23), for those the policy lets change the customer (agents and supervisors of its
 * region), through the same service as {@code PATCH /api/v1/customers/{id}}: same audit, same duplicate check.
 * A field the user sees in full is offered with its value; one they see only masked is offered empty (its value is
 * not theirs to see, and a masked text must never be saved over it): left empty it stays, a whole new value
 * replaces it. Fields hidden from them are not offered.
 */
@Named
@ViewScoped
public class CustomerEditBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "customerEdit";

    @EJB
    CustomerDirectoryService directory;

    @Inject
    CustomerBean customerBean;

    @Inject
    PortalCaller portal;

    private CustomerEditing editing;
    /** What the inputs hold, by field. */
    private final Map<String, String> values = new HashMap<>();
    /** The values shown in full when the page was read: only a field that differs from it is sent. */
    private final Map<String, String> original = new HashMap<>();
    private Long version;
    private List<Registration.Duplicate> duplicates = List.of();

    /** Asked once per view: nothing to edit for those who may not, a merged record, or none. */
    public CustomerEditing getEditing() {
        if (editing == null) {
            editing = CustomerEditing.NONE;
            CustomerView loaded = customerBean.loaded();
            if (loaded != null && customerBean.isFound() && portal.isSignedIn()) {
                try {
                    editing = directory.editing(portal.get(), loaded.id());
                } catch (RuntimeException refused) {
                    editing = CustomerEditing.NONE;
                }
                Object shownVersion = loaded.body().get("version");
                version = shownVersion instanceof Number number ? number.longValue() : null;
                for (String field : editing.shownInFull()) {
                    Object value = loaded.body().get(field);
                    String text = value == null ? "" : String.valueOf(value);
                    original.put(field, text);
                    values.put(field, text);
                }
            }
        }
        return editing;
    }

    public boolean offers(String field) {
        return getEditing().changeable().contains(field);
    }

    /** Whether the field is seen only masked (offered empty, with the masked value as a hint). */
    public boolean masked(String field) {
        return offers(field) && !getEditing().inFull(field);
    }

    /** The hint under an empty input: the masked value the page shows, and what leaving it empty does. */
    public String maskedHint(String field) {
        CustomerView loaded = customerBean.loaded();
        Object value = loaded == null ? null : loaded.body().get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            return Texts.get("customerEdit.maskedEmpty"); // the page shows it empty already: nothing more revealed
        }
        return Texts.get("customerEdit.maskedHint", String.valueOf(value));
    }

    public String save() {
        return save(false);
    }

    /** After the duplicate warning: save the change all the same. */
    public String saveAnyway() {
        return save(true);
    }

    private String save(boolean allowDuplicate) {
        Map<String, String> patch = new LinkedHashMap<>();
        for (String field : getEditing().changeable()) {
            String typed = trimmed(values.get(field));
            if (editing.inFull(field)) {
                if (!Objects.equals(typed, trimmed(original.get(field)))) {
                    patch.put(field, typed); // emptied: removed (the service refuses to remove the name)
                }
            } else if (typed != null) {
                patch.put(field, typed);
            }
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        if (patch.isEmpty()) {
            duplicates = List.of();
            String nothing = Texts.get("customerEdit.nothing");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, nothing, nothing));
            return null;
        }
        long id = customerBean.loaded().id();
        CustomerRevision revision;
        try {
            revision = directory.revise(portal.get(), id, new CustomerChanges(patch), version, allowDuplicate);
        } catch (RuntimeException e) {
            duplicates = List.of();
            PageFailures.show(e, FORM);
            return null;
        }
        if (revision.isDuplicate()) {
            // nothing changed yet: the existing records first, then "save anyway" with what was typed
            duplicates = revision.duplicates();
            return null;
        }
        return Flow.doneAt("/customer.xhtml?faces-redirect=true&id=" + id, Texts.get("customerEdit.saved"),
                Texts.get("customerEdit.savedDetail", id));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public List<Registration.Duplicate> getDuplicates() {
        return duplicates;
    }

    public String duplicateLabel(Registration.Duplicate duplicate) {
        return CustomerLabel.of(duplicate.shown());
    }

    public Map<String, String> getValues() {
        return values;
    }
}
