package org.custodian.application.customer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
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

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private CustomerRepository customers;

    private final Clock clock = Clock.systemUTC();

    @Override
    public CustomerView register(Caller caller, NewCustomer input) {
        policy.enforce(caller, Permission.CUSTOMER_WRITE, null, AuditActions.CUSTOMER, null);
        RuleCheck check = new RuleCheck();
        Region region = Inputs.enumValue(Region.class, input.region(), "region", true, check);
        check.throwIfAny();
        policy.enforce(caller, Permission.CUSTOMER_WRITE, region, AuditActions.CUSTOMER, null);

        String externalId = Inputs.blankToNull(input.externalId());
        if (externalId != null && customers.findByExternalId(externalId).isPresent()) {
            throw new ConflictException("a customer with externalId '" + externalId + "' already exists");
        }
        Customer customer = new Customer(externalId, input.name(), Inputs.blankToNull(input.email()),
                Inputs.blankToNull(input.phone()), region, clock.instant());
        customers.store(customer);
        audit.record(caller, AuditActions.CUSTOMER_CREATE, AuditActions.CUSTOMER, String.valueOf(customer.getId()),
                CustomerView.FIELDS, AuditOutcome.SUCCESS);
        return CustomerView.of(customer);
    }

    @Override
    public CustomerView get(Caller caller, long id) {
        policy.enforce(caller, Permission.CUSTOMER_READ, null, AuditActions.CUSTOMER, String.valueOf(id));
        Customer customer = customers.find(id).orElse(null);
        if (customer == null) {
            audit.record(caller, AuditActions.CUSTOMER_READ, AuditActions.CUSTOMER, String.valueOf(id), null,
                    AuditOutcome.FAILURE);
            throw new ResourceNotFoundException("customer", id);
        }
        policy.enforce(caller, Permission.CUSTOMER_READ, customer.getRegion(), AuditActions.CUSTOMER,
                String.valueOf(id));
        audit.record(caller, AuditActions.CUSTOMER_READ, AuditActions.CUSTOMER, String.valueOf(id),
                CustomerView.FIELDS, AuditOutcome.SUCCESS);
        return CustomerView.of(customer);
    }
}
