package org.custodian.application.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** How the last poll of each mailbox went, for /health (per node: each node polls). */
@ApplicationScoped
public class MailPollState {

    private final Map<String, String> lastResult = new ConcurrentHashMap<>();

    void polled(String mailbox, Instant at, int handled) {
        lastResult.put(mailbox, "ok at " + at + " (" + handled + " read)");
    }

    /** @return whether this is news (the mailbox was fine before, or failed differently): worth a warning */
    boolean failed(String mailbox, Instant at, String error) {
        String before = lastResult.put(mailbox, "failed at " + at + ": " + error);
        return before == null || !before.startsWith("failed") || !before.endsWith(": " + error);
    }

    public Map<String, String> lastResults() {
        return new TreeMap<>(lastResult);
    }
}
