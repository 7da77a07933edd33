package org.custodian.application.customer;

import org.custodian.application.shared.Caller;

public interface CustomerService {

    CustomerView register(Caller caller, NewCustomer customer);

    CustomerView get(Caller caller, long id);
}
