package org.custodian.domain.model.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.domain.model.audit.Alert;

/** The breach register (#25, Art. 33(5)) and the lookups its computed scope needs. */
public interface BreachRepository {

    void store(Breach breach);

    Optional<Breach> find(long id);

    /** The breach, its row locked until the transaction ends (changes, and the timer firing once). */
    Optional<Breach> findForUpdate(long id);

    /** Open breaches first, soonest due first, then the decided ones. */
    List<Breach> page(int first, int max);

    long count();

    /** The breach recorded from an anomaly alert, if any (one alert, one breach). */
    Optional<Long> breachOfAlert(long alertId);

    /** An anomaly alert (a breach is proposed from one). */
    Optional<Alert> alert(long alertId);

    Instant earliestAlarm();

    List<Long> alarmsDue(Instant now, int limit);

    /**
     * The breaches whose alarm is due at {@code now} (at most {@code limit}, earliest first), in one statement, their
     * rows locked until the transaction ends (a second node waits, then finds them marked).
     */
    List<Breach> lockAlarmsDue(Instant now, int limit);

    /** The customer of each of these tickets that exists (ticket id to customer id). */
    Map<Long, Long> customersOfTickets(Collection<Long> ticketIds);

    /** The region of each of these customers that exists (customer id to region name). */
    Map<Long, String> regionsOfCustomers(Collection<Long> customerIds);
}
