package org.custodian.application.audit.siem;

import java.io.IOException;
import java.util.List;

/**
 * The wire to the SIEM collector, as delivery sees it: whether one is configured, where it is, and a batch of
 * formatted messages sent in order. Infrastructure implements it (syslog over TCP or TLS, with fault tolerance), so
 * that delivery decides what to send and when the position moves without knowing how bytes travel.
 */
public interface SiemTransport {

    boolean isConfigured();

    /** Where messages go, for the log and /health; "none" when nothing is configured. */
    String target();

    /** Sends the messages in order; returns only once the collector took all of them (the position moves then). */
    void send(List<String> messages) throws IOException;
}
