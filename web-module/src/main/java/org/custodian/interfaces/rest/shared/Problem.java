package org.custodian.interfaces.rest.shared;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.custodian.domain.shared.FieldViolation;

/** An RFC 9457 problem detail; {@code violations} names each bad field. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "violations"})
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldViolation> violations) {
}
