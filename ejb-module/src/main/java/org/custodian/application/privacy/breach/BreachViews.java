package org.custodian.application.privacy.breach;

import java.time.Instant;
import java.util.List;
import org.custodian.application.privacy.breach.BreachService.BreachView;
import org.custodian.application.privacy.breach.BreachService.Scope;
import org.custodian.application.privacy.breach.BreachService.Subject;
import org.custodian.domain.model.privacy.Breach;
import org.custodian.domain.model.privacy.BreachClock;
import org.custodian.domain.model.privacy.BreachStatus;

/** A breach as the API, the portal and the draft show it. */
final class BreachViews {

    private BreachViews() {
    }

    static BreachView of(Breach breach, boolean withSubjects, Instant now) {
        Scope scope = breach.getScopeActor() == null ? null : new Scope(breach.getScopeActor(), breach.getScopeFrom(),
                breach.getScopeTo(), breach.getScopeSubjects() == null ? 0 : breach.getScopeSubjects(),
                breach.getScopeRecords() == null ? 0 : breach.getScopeRecords(), breach.isScopeTruncated(),
                withSubjects ? breach.getSubjects().stream().map(subject -> new Subject(subject.getCustomerId(),
                        subject.getRegion(), subject.getRecords())).toList() : null);
        // the register states the numbers the officer gave; without them, what the trail computed
        Long subjects = breach.getSubjectsApprox() != null ? breach.getSubjectsApprox()
                : breach.getScopeSubjects();
        Long records = breach.getRecordsApprox() != null ? breach.getRecordsApprox() : breach.getScopeRecords();
        Breach.SubjectsDecision decision = breach.getSubjectsDecision();
        return new BreachView(breach.getId(), breach.getStatus().name(), breach.getNature(),
                List.copyOf(breach.categoryList()), subjects, records, breach.getSubjectsApprox(),
                breach.getRecordsApprox(), breach.getConsequences(), breach.getMeasures(), breach.getAwareAt(),
                breach.getDueAt(), breach.getWarnAt(), breach.getWarningSentAt(), breach.getDeadlineSentAt(),
                breach.getStatus() == BreachStatus.OPEN && now.isAfter(breach.getDueAt()), breach.getNotifiedAt(),
                breach.getAuthorityReference(), breach.getNotifiedAt() != null
                        && BreachClock.late(breach.getAwareAt(), breach.getNotifiedAt()), breach.getDelayReason(),
                breach.getNoNotificationReason(), decision == null ? null : decision == Breach.SubjectsDecision.NOTIFY,
                breach.getSubjectsReason(), breach.getSubjectsDecidedBy(), breach.getSubjectsDecidedAt(), scope,
                breach.getAlertId(), breach.getCreatedBy(), breach.getCreatedAt(), breach.getVersion());
    }
}
