package org.custodian.application.customer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.custodian.application.audit.ReadAudit;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.policy.Shown;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultCustomerService implements CustomerService {

    private static final List<String> WRITTEN_FIELDS =
            List.of("externalId", "name", "email", "phone", "nationalId", "region");

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private CustomerRepository customers;

    /** customer.created (#24): in the registering transaction, like every webhook event. */
    @jakarta.ejb.EJB
    private org.custodian.application.webhook.WebhookEvents webhookEvents;

    private final Clock clock = Clock.systemUTC();

    @Override
    public CustomerView register(Caller caller, NewCustomer input) {
        policy.enforce(caller, Permission.CUSTOMER_WRITE, AuditActions.CUSTOMER, null);
        RuleCheck check = new RuleCheck();
        Region region = Inputs.enumValue(Region.class, input.region(), "region", true, check);
        check.throwIfAny();
        policy.rejectReserved(CustomerView.ENTITY, "externalId", null, input.externalId());
        Decision decision = policy.authorize(policy.contextFor(caller), Permission.CUSTOMER_WRITE,
                ResourceScope.newCustomer(region));

        String externalId = Inputs.blankToNull(input.externalId());
        if (externalId != null && customers.findByExternalId(externalId).isPresent()) {
            throw new ConflictException("a customer with externalId '" + externalId + "' already exists");
        }
        Customer customer = new Customer(externalId, input.name(), Inputs.blankToNull(input.email()),
                Inputs.blankToNull(input.phone()), Inputs.blankToNull(input.nationalId()), region, clock.instant());
        customers.store(customer);
        audit.record(caller, AuditActions.CUSTOMER_CREATE, AuditActions.CUSTOMER, String.valueOf(customer.getId()),
                WRITTEN_FIELDS, AuditOutcome.SUCCESS);
        webhookEvents.customerChanged(org.custodian.application.webhook.WebhookEvents.CUSTOMER_CREATED, customer);
        // the registering agent gets back what the policy shows them, not an echo of the clear values
        return new CustomerView(customer.getId(), CustomerView.show(decision, customer).body());
    }

    @Override
    public CustomerView get(Caller caller, long id) {
        policy.enforce(caller, Permission.CUSTOMER_READ, AuditActions.CUSTOMER, String.valueOf(id));
        Customer customer = customers.find(id).orElse(null);
        if (customer == null) {
            audit.record(caller, AuditActions.CUSTOMER_READ, AuditActions.CUSTOMER, String.valueOf(id), null,
                    AuditOutcome.FAILURE);
            throw new ResourceNotFoundException("customer", id);
        }
        Decision decision = policy.authorize(policy.contextFor(caller), Permission.CUSTOMER_READ,
                ResourceScope.of(customer));
        if (customer.isTombstone()) {
            // a merged duplicate answers where it went and nothing else: the survivor is read (and decided) on its own
            audit.record(caller, AuditActions.CUSTOMER_READ, AuditActions.CUSTOMER, String.valueOf(id),
                    List.of("mergedInto=" + customer.getMergedInto()), AuditOutcome.SUCCESS);
            return new CustomerView(id, CustomerView.tombstone(customer));
        }
        Shown shown = CustomerView.show(decision, customer);
        ReadAudit.record(audit, caller, AuditActions.CUSTOMER_READ, AuditActions.CUSTOMER, String.valueOf(id), shown);
        return new CustomerView(customer.getId(), shown.body());
    }
}
