package org.custodian.application.sla;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.domain.model.sla.ClockKind;
import org.custodian.domain.model.sla.SlaClock;
import org.custodian.domain.model.sla.TicketSla;

/**
 * The {@code sla} object of a ticket: {@code firstResponseDue}, {@code nextResponseDue}, {@code resolutionDue}
 * (the latest NEXT_RESPONSE clock), their met and breached times, each clock's state and an overall {@code state}
 * (BREACHED if any clock is, else PAUSED, RUNNING, or MET when none runs), the policy and its version.
 */
final class SlaView {

    private SlaView() {
    }

    static Map<String, Object> of(TicketSla state, List<SlaClock> clocks, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("policyId", state.getPolicyId());
        view.put("policyVersion", state.getPolicyVersion());
        view.put("pausedSince", state.getPausedAt());
        boolean breached = false;
        boolean running = false;
        for (ClockKind kind : ClockKind.values()) {
            SlaClock c = clocks.stream().filter(x -> x.getKind() == kind)
                    .max(Comparator.comparing(SlaClock::getStartedAt).thenComparing(SlaClock::getId)).orElse(null);
            String prefix = switch (kind) {
                case FIRST_RESPONSE -> "firstResponse";
                case NEXT_RESPONSE -> "nextResponse";
                case RESOLUTION -> "resolution";
            };
            if (c == null) {
                continue;
            }
            String clockState = c.state(state.isPaused(), now);
            view.put(prefix + "Due", c.getDue());
            view.put(prefix + "Met", c.getMetAt());
            view.put(prefix + "Breached", c.getBreachedAt());
            view.put(prefix + "State", clockState);
            view.put(prefix + "TargetMinutes", c.getTargetMinutes());
            breached |= "BREACHED".equals(clockState);
            running |= "RUNNING".equals(clockState) || "PAUSED".equals(clockState);
        }
        view.put("state", breached ? "BREACHED" : state.isPaused() && running ? "PAUSED" : running ? "RUNNING"
                : "MET");
        return view;
    }
}
