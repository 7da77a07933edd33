package org.custodian.application.privacy.breach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.privacy.PrivacyController;
import org.custodian.application.privacy.breach.BreachService.BreachView;
import org.custodian.application.shared.HtmlTemplate;

/**
 * The notification of a breach to the supervisory authority as a printable page, with the items of Art. 33(3): the
 * nature (categories and approximate numbers of subjects and records), the contact point, the likely consequences
 * and the measures; the times, and the reasons for a delay. Every value is escaped by {@link HtmlTemplate}.
 */
@ApplicationScoped
public class BreachDraft {

    private static final HtmlTemplate PAGE = HtmlTemplate.fromResource(BreachDraft.class,
            "breach-notification.html");

    @Inject
    PrivacyController controller;

    public String render(BreachView breach, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", breach.id());
        values.put("generatedAt", now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        values.put("controller", controller.name());
        values.put("contact", controller.contact());
        values.put("nature", breach.nature());
        values.put("categories", String.join(", ", breach.categories()));
        values.put("subjects", number(breach.subjects()));
        values.put("records", number(breach.records()));
        values.put("computed", breach.scope() == null ? null : one(Map.of("actor", breach.scope().actor(),
                "from", breach.scope().from().toString(), "to", breach.scope().to().toString(),
                "subjectCount", breach.scope().subjectCount(), "recordCount", breach.scope().recordCount(),
                "truncated", breach.scope().truncated())));
        values.put("consequences", breach.consequences());
        values.put("measures", breach.measures());
        values.put("awareAt", breach.awareAt().toString());
        values.put("dueAt", breach.dueAt().toString());
        values.put("notified", breach.notifiedAt() == null ? null : one(Map.of("notifiedAt",
                breach.notifiedAt().toString(), "reference", breach.authorityReference())));
        values.put("notYetNotified", breach.notifiedAt() == null);
        values.put("delay", breach.delayReason() == null ? null
                : one(Map.of("delayReason", breach.delayReason())));
        values.put("overdue", breach.overdue());
        values.put("subjectsDecision", breach.notifySubjects() == null ? null : one(Map.of("decision",
                breach.notifySubjects() ? "The data subjects are being informed (Art. 34(1))."
                        : "The data subjects are not informed (Art. 34(3)).", "reason", breach.subjectsReason())));
        values.put("undecided", breach.notifySubjects() == null);
        return PAGE.render(values);
    }

    /** A section shown once with the names of {@code values} (the template pushes a scope per list element). */
    private static List<Map<String, ?>> one(Map<String, ?> values) {
        return List.of(values);
    }

    private static String number(Long value) {
        return value == null ? "not known yet" : "about " + value;
    }
}
