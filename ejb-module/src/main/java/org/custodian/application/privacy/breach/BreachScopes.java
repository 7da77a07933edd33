package org.custodian.application.privacy.breach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.application.audit.report.AccessReportService.ActorReads;
import org.custodian.domain.model.privacy.BreachSubject;

/**
 * Turns the records an actor read (from the access reports) into the subjects a breach concerns: each ticket counts
 * for its customer, each customer record for itself. Records whose ticket no longer exists count as records without
 * a known subject.
 */
final class BreachScopes {

    private BreachScopes() {
    }

    /** @param subjects oldest customer id first; @param records distinct records read (tickets and customers) */
    record Computed(List<BreachSubject> subjects, long records) {
    }

    static Computed compute(ActorReads reads, Map<Long, Long> customerOfTicket, Map<Long, String> regionOfCustomer) {
        Map<Long, Integer> perSubject = new TreeMap<>();
        for (Long ticket : reads.tickets()) {
            Long customer = customerOfTicket.get(ticket);
            if (customer != null) {
                perSubject.merge(customer, 1, Integer::sum);
            }
        }
        for (Long customer : reads.customers()) {
            perSubject.merge(customer, 1, Integer::sum);
        }
        List<BreachSubject> subjects = new ArrayList<>(perSubject.size());
        perSubject.forEach((customer, records) -> subjects.add(new BreachSubject(customer,
                regionOfCustomer.get(customer), records)));
        return new Computed(subjects, reads.tickets().size() + (long) reads.customers().size());
    }
}
