package org.custodian.application.slo;

import java.time.Instant;
import java.util.List;
import org.custodian.application.shared.Caller;

/** The governance SLOs: measured now for the caller's remit, their stored history, and their evaluation. */
public interface GovernanceSloService {

    /** The objectives measured now; {@code remits} are the remits shown (the caller's, or the one asked for). */
    record Report(Instant measuredAt, List<String> remits, List<Objective> objectives) implements java.io.Serializable {
    }

    /** One objective's evaluation result: its status now and its incident ticket (opened now or still open). */
    record Evaluated(String objective, String status, Long incidentTicketId, boolean opened) {
    }

    /** What an evaluation did: every objective's result, and how many incidents it opened. */
    record Evaluation(Instant evaluatedAt, int missed, int incidentsOpened, List<Evaluated> objectives) {
    }

    /**
     * The objectives of the caller's remits (or only {@code remit}: privacy, backup, audit, security, access-review);
     * 422 for an unknown remit, 403 for one outside the caller's remit or a caller with none.
     */
    Report report(Caller caller, String remit);

    /**
     * Stored evaluations in [from, to) (ISO-8601 instants or dates; default the last 30 days) of one objective, or
     * of all objectives of the caller's remits; 422 for bad parameters, 403 for an objective outside the remit.
     */
    List<SloEvaluations.Evaluation> history(Caller caller, String objective, String from, String to);

    /** Evaluates every objective now, as the timer does (SLO_EVALUATE); shows the caller's remits' results. */
    Evaluation evaluate(Caller caller);

    /** The timer's evaluation of every objective. */
    Evaluation evaluateAll();

    /** The remits the caller may see (empty: none). */
    List<SloRemit> remits(Caller caller);
}
