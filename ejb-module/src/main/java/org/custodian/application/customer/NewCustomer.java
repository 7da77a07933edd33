package org.custodian.application.customer;

/** What a client sends to register a customer. */
public record NewCustomer(String externalId, String name, String email, String phone, String nationalId,
        String region) {
}
