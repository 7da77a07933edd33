package org.custodian.application.privacy.breach;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** After a transaction that set a breach's alarm commits, the timer learns of it (before: it could not see it). */
@ApplicationScoped
public class BreachAlarmListener {

    @EJB
    private BreachTimer timer;

    void moved(@Observes(during = TransactionPhase.AFTER_SUCCESS) BreachAlarmMoved event) {
        timer.earlier(event.at());
    }
}
