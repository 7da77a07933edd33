package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.customer.CustomerDirectoryService;
import org.custodian.application.customer.CustomerService;
import org.custodian.application.customer.CustomerView;
import org.custodian.application.customer.NewCustomer;
import org.custodian.application.customer.Registration;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.customer.CustomerLabel;
import org.custodian.interfaces.web.session.PortalCaller;

/** One customer as the policy shows them to this user (e-mail masked for agents, say), and new customers. */
@Named
@ViewScoped
public class CustomerBean extends ShownRecordPage {

    private static final long serialVersionUID = 1L;
    static final Map<String, String> LABELS = labels();

    @EJB
    CustomerService customers;

    @EJB
    CustomerDirectoryService directory;

    @Inject
    PortalCaller portal;

    /** #23: existing customers with the e-mail or phone just entered (nothing registered until confirmed). */
    private List<Registration.Duplicate> duplicates = List.of();

    private Long id;
    private CustomerView customer;
    private String name;
    private String email;
    private String phone;
    private String region;

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", "customer.field.name");
        labels.put("email", "customer.field.email");
        labels.put("phone", "customer.field.phone");
        labels.put("nationalId", "customer.field.nationalId");
        labels.put("externalId", "customer.field.externalId");
        labels.put("region", "customer.field.region");
        labels.put("createdAt", "customer.field.createdAt");
        return labels;
    }

    public void load() {
        customer = null;
        if (id == null) {
            return;
        }
        PageFailures.read(() -> customer = customers.get(portal.get(), id));
    }

    public String register() {
        return register(false);
    }

    /** After the duplicate warning: register the new customer all the same. */
    public String registerAnyway() {
        return register(true);
    }

    private String register(boolean allowDuplicate) {
        CustomerView created;
        try {
            Registration registration = directory.register(portal.get(),
                    new NewCustomer(null, name, email, phone, null, region), allowDuplicate);
            duplicates = registration.duplicates();
            if (registration.isDuplicate()) {
                return null;
            }
            created = registration.created();
        } catch (RuntimeException e) {
            PageFailures.show(e, "newCustomer");
            return null;
        }
        PageFailures.info(Flow.text("customer.registered"), Flow.text("customer.registeredDetail", String.valueOf(created.id())));
        return Flow.redirect("/customer.xhtml?id=" + created.id());
    }

    public List<Registration.Duplicate> getDuplicates() {
        return duplicates;
    }

    public String duplicateLabel(Registration.Duplicate duplicate) {
        return CustomerLabel.of(duplicate.shown());
    }

    @Override
    protected Map<String, Object> shownBody() {
        // a merged record (tombstone) shows no fields, only where it went (customer-merge.xhtml)
        return customer == null || CustomerView.isTombstone(customer.body()) ? null : customer.body();
    }

    /** What the service answered for this page, a tombstone's pointer included (for CustomerMergeBean). */
    CustomerView loaded() {
        return customer;
    }

    @Override
    protected Map<String, String> fieldLabels() {
        return LABELS;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }
}
