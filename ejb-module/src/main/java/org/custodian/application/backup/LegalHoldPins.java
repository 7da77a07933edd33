package org.custodian.application.backup;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custodian.domain.model.backup.BackupSet;
import org.custodian.domain.model.backup.BackupStatus;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.retention.LegalHold;
import org.custodian.domain.model.retention.RetentionRepository;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;

/**
 * Which active legal holds pin which sets, for the catalog's views and for expiry alike: a COMPLETE set taken
 * after a hold's data existed holds that data, so retention must keep it. Runs in its caller's transaction.
 */
@Dependent
public class LegalHoldPins {

    @Inject
    RetentionRepository retention;

    @Inject
    CustomerRepository customers;

    @Inject
    TicketRepository tickets;

    /** The ids of the holds pinning a set, as the active holds stand now (read once, asked for many sets). */
    public Function<BackupSet, List<Long>> current() {
        List<LegalHold> holds = retention.holds(true);
        Map<Long, Instant> coveredSince = coveredSince(holds);
        return set -> pinningHolds(set, holds, coveredSince);
    }

    /**
     * Since when each active hold's data exists. A set taken after that holds the data, so the hold pins it: for a
     * customer or ticket hold, the record's creation; for a query hold, its createdFrom (or always).
     */
    private Map<Long, Instant> coveredSince(List<LegalHold> holds) {
        Map<Long, Instant> since = new HashMap<>();
        for (LegalHold hold : holds) {
            Instant from = switch (hold.getScope()) {
                case CUSTOMER -> customers.find(hold.getCustomerId()).map(Customer::getCreatedAt).orElse(Instant.EPOCH);
                case TICKET -> tickets.find(hold.getTicketId()).map(Ticket::getCreatedAt).orElse(Instant.EPOCH);
                case QUERY -> hold.getQueryCreatedFrom() == null ? Instant.EPOCH : hold.getQueryCreatedFrom();
            };
            since.put(hold.getId(), from);
        }
        return since;
    }

    private static List<Long> pinningHolds(BackupSet set, List<LegalHold> holds, Map<Long, Instant> coveredSince) {
        if (set.getSnapshotAt() == null || set.getStatus() != BackupStatus.COMPLETE) {
            return List.of();
        }
        List<Long> pinning = new ArrayList<>();
        for (LegalHold hold : holds) {
            if (!set.getSnapshotAt().isBefore(coveredSince.get(hold.getId()))) {
                pinning.add(hold.getId());
            }
        }
        return pinning;
    }
}
