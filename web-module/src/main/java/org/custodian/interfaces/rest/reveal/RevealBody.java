package org.custodian.interfaces.rest.reveal;

import java.util.Set;
import org.custodian.application.reveal.RevealRequest;
import org.custodian.interfaces.rest.shared.JsonBody;

/** Reads {@code {"fields":["customer.phone"],"reason":"..."}}; unknown members and wrong types are 422s. */
public final class RevealBody {

    private static final Set<String> FIELDS = Set.of("fields", "reason");

    /** The summary both reveal endpoints show in OpenAPI. */
    public static final String SUMMARY = "Reveal masked fields in full to you for a few minutes (CUSTODIAN_REVEAL_"
            + "MINUTES), where the policy says REVEALABLE: {fields: [\"customer.phone\"], reason}; audited as"
            + " FIELD_REVEALED with the reason. 422: no reason, unknown field, a field you already see in full;"
            + " 403: a field you may not reveal";

    private RevealBody() {
    }

    public static RevealRequest read(byte[] body) {
        return JsonBody.read(body, FIELDS, json -> new RevealRequest(json.textList("fields"), json.text("reason")));
    }
}
