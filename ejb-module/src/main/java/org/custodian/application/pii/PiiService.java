package org.custodian.application.pii;

import org.custodian.application.shared.Caller;

/** PII detection for integrators, and the redaction every stored text goes through. */
public interface PiiService {

    /** Largest text {@link #scan} accepts, in UTF-8 bytes (1 MiB). */
    int MAX_SCAN_BYTES = 1 << 20;

    /** Finds PII in {@code text} and masks it; nothing is stored, the call is audited (types and counts). */
    ScanResult scan(Caller caller, String text);

    /**
     * Removes what must never be stored (card numbers, secrets) from a text about to be written;
     * other PII stays (its masking on output is the policy's job). Pure: the caller audits it.
     */
    Redaction redactForStorage(String text);
}
