package org.custodian.application.identity;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Our own tokens whose signature, issuer, audience and lifetime already checked out, by their exact text, until they
 * expire (#27): a client sends the same token for up to 15 minutes, and parsing it and verifying its RSA signature on
 * every request is a good part of what a read costs. Only the outcome of those checks is kept; whether the token was
 * revoked (the user's token version, their account) is still asked on every request, and an entry is never used at
 * or past the token's {@code exp} (the full checks then run again, with their clock skew). A token that failed is
 * never kept. Bounded: when full, expired entries go, and if that is not enough, all of them.
 */
final class VerifiedTokenCache {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(VerifiedToken token, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The verified token for exactly this text, if it was verified before and has not expired at {@code now}. */
    VerifiedToken get(String token, Instant now) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.expires())) {
            entries.remove(token, entry);
            return null;
        }
        return entry.token();
    }

    /** Keeps a token that passed every check; one without an expiry is not kept (our tokens always have one). */
    void put(String token, VerifiedToken verified, Date expires, Instant now) {
        if (expires == null || !now.isBefore(expires.toInstant())) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(verified, expires.toInstant()));
    }

    int size() {
        return entries.size();
    }
}
