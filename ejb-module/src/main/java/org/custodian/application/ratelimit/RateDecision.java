package org.custodian.application.ratelimit;

import java.util.List;

/**
 * What the limits say about one request: the state of each policy it was counted under (credential, source) and,
 * when one of them is exhausted, how long to wait.
 */
public record RateDecision(List<PolicyState> policies, boolean limited, long retryAfterSeconds) {

    /**
     * @param name {@code credential} or {@code source}
     * @param quota requests per window
     * @param remaining requests left in this window
     * @param resetSeconds seconds until the window ends
     */
    public record PolicyState(String name, long quota, int windowSeconds, long remaining, long resetSeconds,
            boolean exceeded) {
    }

    /** {@code RateLimit-Policy} (draft-ietf-httpapi-ratelimit-headers): {@code "source";q=3000;w=60, ...}. */
    public String policyHeader() {
        StringBuilder header = new StringBuilder();
        for (PolicyState state : policies) {
            header.append(header.isEmpty() ? "" : ", ").append('"').append(state.name()).append("\";q=")
                    .append(state.quota()).append(";w=").append(state.windowSeconds());
        }
        return header.toString();
    }

    /** {@code RateLimit}: what is left of each policy, {@code "source";r=2990;t=42, ...}. */
    public String limitHeader() {
        StringBuilder header = new StringBuilder();
        for (PolicyState state : policies) {
            header.append(header.isEmpty() ? "" : ", ").append('"').append(state.name()).append("\";r=")
                    .append(state.remaining()).append(";t=").append(state.resetSeconds());
        }
        return header.toString();
    }

    /** The exhausted policy a 429 names (the first), or null. */
    public PolicyState exceeded() {
        return policies.stream().filter(PolicyState::exceeded).findFirst().orElse(null);
    }
}
