package org.custodian.application.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Shown;
import org.custodian.domain.model.customer.Customer;

/** A customer as one caller may see it: only the fields their decision shows. */
public record CustomerView(long id, Map<String, Object> body) implements java.io.Serializable {

    public static final String ENTITY = "customer";

    /** What a tombstone (a merged duplicate) shows: that it was merged, when, and into which record. */
    static Map<String, Object> tombstone(Customer customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", customer.getId());
        body.put("mergedInto", customer.getMergedInto());
        body.put("mergedAt", customer.getMergedAt());
        return body;
    }

    /** Whether a body from {@link CustomerService#get} is a tombstone's. */
    public static boolean isTombstone(Map<String, Object> body) {
        return body != null && body.get("mergedInto") != null;
    }

    static Shown show(Decision decision, Customer customer) {
        return decision.show(ENTITY)
                .structural("id", customer.getId())
                .field("externalId", customer.getExternalId())
                .field("name", customer.getName())
                .field("email", customer.getEmail())
                .field("phone", customer.getPhone())
                .field("nationalId", customer.getNationalId())
                .field("region", customer.getRegion().name())
                .field("createdAt", customer.getCreatedAt())
                // #23: the ETag of GET and the If-Match of PATCH
                .structural("version", customer.getVersion());
    }
}
