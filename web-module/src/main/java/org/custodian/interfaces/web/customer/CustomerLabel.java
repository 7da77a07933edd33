package org.custodian.interfaces.web.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How the portal names a customer in lists and pickers: what the policy shows, enough to tell people apart. */
public final class CustomerLabel {

    private CustomerLabel() {
    }

    /** "J. D. · j***@example.com · EU · customer 7" (fields the policy holds back are simply not there). */
    public static String of(Map<String, Object> shown) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("name", "email", "phone", "region")) {
            Object value = shown.get(field);
            if (value != null && !String.valueOf(value).isBlank()) {
                parts.add(String.valueOf(value));
            }
        }
        parts.add(PortalText.of("customers.numbered", shown.get("id")));
        return String.join(" · ", parts);
    }
}
