package org.custodian.domain.model.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily counts of events about to be pruned, collected while they are verified (one pass over them): per UTC day,
 * action, outcome, resource type and roles, with the first and last sequence counted.
 */
public final class DailyCounts {

    private record Key(LocalDate day, String action, String outcome, String resourceType, String actorRoles) {
    }

    private final Map<Key, long[]> counts = new LinkedHashMap<>();

    public void add(AuditEvent event) {
        Key key = new Key(event.getOccurredAt().atZone(ZoneOffset.UTC).toLocalDate(), event.getAction(),
                event.getOutcome() == null ? "" : event.getOutcome().name(), nullToEmpty(event.getResourceType()),
                nullToEmpty(event.getActorRoles()));
        long sequence = event.getSequence();
        long[] count = counts.computeIfAbsent(key, k -> new long[] {0, sequence, sequence});
        count[0]++;
        count[1] = Math.min(count[1], sequence);
        count[2] = Math.max(count[2], sequence);
    }

    public List<AuditDailyCount> all() {
        List<AuditDailyCount> all = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> all.add(new AuditDailyCount(key.day(), key.action(), key.outcome(),
                key.resourceType(), key.actorRoles(), count[0], count[1], count[2])));
        return all;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
