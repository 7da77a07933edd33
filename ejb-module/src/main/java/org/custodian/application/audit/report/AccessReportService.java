package org.custodian.application.audit.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.shared.Caller;

/**
 * Who read what, from the audit trail: aggregates of reads by role, region, user or day, and the full access
 * history of one ticket. For auditors and privacy officers; every report is itself audited.
 */
public interface AccessReportService {

    /**
     * @param from inclusive, ISO-8601 UTC text (required)
     * @param to exclusive, ISO-8601 UTC text (required; at most 366 days after {@code from})
     * @param classification CONFIDENTIAL or RESTRICTED to count only reads that revealed such data, or null
     * @param groupBy role, region, user or day
     */
    AccessReport accessReport(Caller caller, String from, String to, String classification, String groupBy);

    TicketAccess ticketAccess(Caller caller, long ticketId);

    /**
     * What happened to one user account: its creation and changes (before/after, personal values as keyed hashes),
     * four-eyes requests and decisions, invitations, disabling, sign-ins and revoked tokens.
     */
    UserHistory userHistory(Caller caller, String username);

    /**
     * @param events oldest first; at most the newest 10,000
     * @param truncated whether older events exist that {@code events} leaves out
     */
    record UserHistory(String username, List<Access> events, boolean truncated) {
    }

    /**
     * The leaked-key drill (#22): everything one API key did, from the trail — what it read, what it changed, what
     * was refused to it (including uses after its revocation), and from which addresses.
     *
     * @param credential the key id
     * @param from inclusive, ISO-8601 UTC text, or null for the key's creation
     * @param to inclusive, or null for now
     */
    CredentialAccess credentialAccess(Caller caller, String credential, String from, String to);

    /**
     * @param actor how the trail names the key ({@code svc:<account>/<keyId>})
     * @param events oldest first; at most 10,000 ({@code truncated} says whether more exist in the period)
     */
    record CredentialAccess(String credential, String account, String actor, Instant from, Instant to, long reads,
            long changes, long denied, List<String> sources, List<CredentialEvent> events, boolean truncated)
                    implements java.io.Serializable {
    }

    /**
     * The records one actor's successful reads showed in {@code [from, to]} (#25, the scope of a breach that is an
     * access): the tickets and customer records read, listed by a search, or revealed, from the trail.
     *
     * @param from inclusive
     * @param to inclusive
     */
    ActorReads actorReads(Caller caller, String actor, Instant from, Instant to);

    /**
     * @param reads the read events counted
     * @param tickets ids of the tickets (and their comments) shown
     * @param customers ids of the customer records shown
     * @param truncated whether the actor had more read events in the window than were examined
     */
    record ActorReads(String actor, Instant from, Instant to, long reads, Set<Long> tickets, Set<Long> customers,
            boolean truncated) {
    }

    /** One event of a credential: what it did to which resource, from where, with what outcome. */
    record CredentialEvent(long sequence, Instant occurredAt, String action, String outcome, String resourceType,
            String resourceId, String clientAddress, String kind, List<String> fields) implements java.io.Serializable {
    }

    /**
     * @param reads every counted read, those from daily counts included
     * @param readsFromDailyCounts reads on UTC days whose events were pruned, counted from the daily aggregates
     *        (whole days; only by role or by day, without users, fields, bases or classifications)
     * @param prunedNote what the pruning of the trail means for this report (null when it touched none of it)
     */
    record AccessReport(Instant from, Instant to, String classification, String groupBy, long reads,
            long readsFromDailyCounts, String prunedNote, List<Row> rows) implements java.io.Serializable {
    }

    /**
     * One group: reads (of which {@code readsFromDailyCounts} on pruned days), distinct users, field reveals (in
     * full and masked), and the decisions reads rested on; the last four from raw events only. {@code reveals}:
     * of the reads, how many were reveals with a reason (FIELD_REVEALED, #23; raw events only).
     */
    record Row(String key, long reads, long readsFromDailyCounts, long users, long fieldsFull, long fieldsMasked,
            Map<String, Long> bases, Map<String, Long> classifications, long reveals) implements java.io.Serializable {
    }

    /**
     * @param accesses oldest first; at most the newest 10,000 events
     * @param truncated whether older events exist that {@code accesses} leaves out
     */
    record TicketAccess(long ticketId, List<Access> accesses, boolean truncated) {
    }

    /** One event about the ticket: who, when, what action, on what basis, which fields (masked ones marked). */
    record Access(long sequence, Instant occurredAt, String actor, String roles, String action, String outcome,
            String basis, List<String> fields, List<String> maskedFields) implements java.io.Serializable {
    }
}
