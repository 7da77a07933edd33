package org.custodian.application.customer;

import java.time.Instant;
import org.custodian.domain.model.customer.Customer;

/** A customer as the API returns it. */
public record CustomerView(Long id, String externalId, String name, String email, String phone, String region,
        Instant createdAt) {

    public static final java.util.List<String> FIELDS =
            java.util.List.of("externalId", "name", "email", "phone", "region", "createdAt");

    public static CustomerView of(Customer customer) {
        return new CustomerView(customer.getId(), customer.getExternalId(), customer.getName(), customer.getEmail(),
                customer.getPhone(), customer.getRegion().name(), customer.getCreatedAt());
    }
}
