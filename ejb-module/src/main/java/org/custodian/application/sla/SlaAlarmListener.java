package org.custodian.application.sla;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** After a transaction that set a clock's alarm commits, the timer learns of it (before: it could not see it). */
@ApplicationScoped
public class SlaAlarmListener {

    @EJB
    private SlaTimer timer;

    void moved(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaAlarmMoved event) {
        timer.earlier(event.at());
    }
}
