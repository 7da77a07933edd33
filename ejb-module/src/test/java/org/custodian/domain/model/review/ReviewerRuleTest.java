package org.custodian.domain.model.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.junit.jupiter.api.Test;

class ReviewerRuleTest {

    private static final Map<Region, List<String>> SUPERVISORS = Map.of(
            Region.EU, List.of("sup.eu.a", "sup.eu.b"), Region.US, List.of("sup.us"));
    private static final List<String> MANAGERS = List.of("admin", "privacy");

    @Test
    void aSupervisorOfTheUsersRegionReviews() {
        assertEquals("sup.eu.a", ReviewerRule.reviewerFor("agent.eu", EnumSet.of(Region.EU), null, SUPERVISORS,
                "privacy", MANAGERS));
        assertEquals("sup.us", ReviewerRule.reviewerFor("agent.us", EnumSet.of(Region.US), null, SUPERVISORS,
                "privacy", MANAGERS));
    }

    @Test
    void aSupervisorNeverReviewsThemselvesButAnotherOfTheRegionDoes() {
        assertEquals("sup.eu.b", ReviewerRule.reviewerFor("sup.eu.a", EnumSet.of(Region.EU), null, SUPERVISORS,
                "privacy", MANAGERS));
    }

    @Test
    void withoutAnotherSupervisorTheCreatorReviews() {
        assertEquals("privacy", ReviewerRule.reviewerFor("sup.us", EnumSet.of(Region.US), null, SUPERVISORS,
                "privacy", MANAGERS));
        assertEquals("privacy", ReviewerRule.reviewerFor("auditor", Set.of(), null, SUPERVISORS, "privacy",
                MANAGERS));
    }

    @Test
    void aNamedReviewerReviewsEveryoneButThemselvesWhoGoToTheCreator() {
        assertEquals("admin", ReviewerRule.reviewerFor("agent.eu", EnumSet.of(Region.EU), "admin", SUPERVISORS,
                "privacy", MANAGERS));
        assertEquals("privacy", ReviewerRule.reviewerFor("admin", Set.of(), "admin", SUPERVISORS, "privacy",
                MANAGERS));
    }

    @Test
    void theCreatorsOwnAccessGoesToAnotherManagerAndNobodyIsNull() {
        assertEquals("admin", ReviewerRule.reviewerFor("privacy", Set.of(), null, SUPERVISORS, "privacy", MANAGERS));
        assertEquals("privacy", ReviewerRule.reviewerFor("admin", Set.of(), "admin", SUPERVISORS, "admin",
                MANAGERS));
        assertNull(ReviewerRule.reviewerFor("admin", Set.of(), null, Map.of(), "admin", List.of("admin")));
    }

    @Test
    void theSchedulesSystemCreatorIsNeverAReviewer() {
        assertEquals("admin", ReviewerRule.reviewerFor("auditor", Set.of(), null, SUPERVISORS,
                "system:access-review-schedule", MANAGERS));
    }
}
