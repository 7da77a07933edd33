package org.custodian.interfaces.web.customer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.customer.CustomerDirectoryService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.interfaces.web.session.PortalCaller;

/** The customer link of a ticket page: the customer's name as the policy shows it, not "Customer 7". */
@Named
@RequestScoped
public class TicketCustomerBean {

    @EJB
    CustomerDirectoryService directory;

    @EJB
    PolicyService policy;

    @Inject
    PortalCaller portal;

    private Long loadedFor;
    private String label;

    public String label(Long customerId) {
        if (customerId == null) {
            return "";
        }
        if (!customerId.equals(loadedFor)) {
            loadedFor = customerId;
            label = null;
            // a user who may not read customers (a contractor) sees the number only, and no refusal is recorded
            if (policy.allows(portal.get(), Permission.CUSTOMER_READ)) {
                try {
                    Object name = directory.summary(portal.get(), customerId).body().get("name");
                    label = name == null ? null : String.valueOf(name);
                } catch (RuntimeException e) {
                    label = null;
                }
            }
            if (label == null) {
                label = PortalText.of("customers.numbered", customerId);
            }
        }
        return label;
    }
}
