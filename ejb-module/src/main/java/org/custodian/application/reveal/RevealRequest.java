package org.custodian.application.reveal;

import java.util.List;

/**
 * What to reveal and why.
 *
 * @param fields qualified field keys, e.g. {@code customer.phone}
 * @param reason why the caller needs them in full (kept and audited with detected PII masked)
 */
public record RevealRequest(List<String> fields, String reason) {
}
