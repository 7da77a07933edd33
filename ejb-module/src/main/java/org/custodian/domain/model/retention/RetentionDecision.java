package org.custodian.domain.model.retention;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What retention does to one ticket as of an instant: nothing, hold it (a legal hold covers it), leave it (its
 * customer's processing is restricted, GDPR Art. 18: stored, not processed), anonymize it or delete it, and under
 * which policy or hold. The most specific policy that covers the ticket decides (category
 * and region, then category, then region, then neither; ties by lowest id).
 */
public record RetentionDecision(Outcome outcome, Long policyId, Long holdId, Instant expiredAt) {

    public enum Outcome { KEEP, HOLD, RESTRICTED, ANONYMIZE, DELETE }

    public static RetentionDecision decide(RetentionSubject ticket, List<RetentionPolicy> policies, List<LegalHold> holds,
            Instant asOf) {
        return decide(ticket, policies, holds, Set.of(), asOf);
    }

    /** @param restrictedCustomers customer records whose processing is restricted */
    public static RetentionDecision decide(RetentionSubject ticket, List<RetentionPolicy> policies, List<LegalHold> holds,
            Set<Long> restrictedCustomers, Instant asOf) {
        RetentionPolicy policy = policies.stream().filter(RetentionPolicy::isActive).filter(p -> p.covers(ticket))
                .sorted(Comparator.comparingInt(RetentionPolicy::specificity).reversed()
                        .thenComparing(RetentionPolicy::getId))
                .findFirst().orElse(null);
        if (policy == null) {
            return new RetentionDecision(Outcome.KEEP, null, null, null);
        }
        Instant expiry = policy.expiryOf(ticket);
        if (expiry == null || expiry.isAfter(asOf)) {
            return new RetentionDecision(Outcome.KEEP, policy.getId(), null, expiry);
        }
        if (policy.getAction() == RetentionAction.ANONYMIZE && ticket.isAnonymized()) {
            return new RetentionDecision(Outcome.KEEP, policy.getId(), null, expiry);
        }
        for (LegalHold hold : holds) {
            if (hold.covers(ticket)) {
                return new RetentionDecision(Outcome.HOLD, policy.getId(), hold.getId(), expiry);
            }
        }
        if (restrictedCustomers.contains(ticket.customerId())) {
            return new RetentionDecision(Outcome.RESTRICTED, policy.getId(), null, expiry);
        }
        return new RetentionDecision(policy.getAction() == RetentionAction.DELETE ? Outcome.DELETE
                : Outcome.ANONYMIZE, policy.getId(), null, expiry);
    }
}
