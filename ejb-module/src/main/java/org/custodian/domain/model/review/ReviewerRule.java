package org.custodian.domain.model.review;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.model.customer.Region;

/**
 * Who reviews a user's access. Nobody reviews their own: the campaign's named reviewer, or else a supervisor of one
 * of the user's regions (regions in their natural order, supervisors by username) other than the user; failing
 * that the campaign's creator; failing that (the creator is the user) the first other person who may manage
 * reviews. Null when there is nobody: such an item is never kept by default, the deadline policy decides it.
 */
public final class ReviewerRule {

    private ReviewerRule() {
    }

    /**
     * @param named the campaign's named reviewer, or null for the supervisor rule
     * @param supervisors enabled supervisors by region, each list sorted
     * @param creator whoever opened the campaign (for a scheduled one, its configured owner)
     * @param managers enabled people who may manage reviews, sorted: the last resort
     */
    public static String reviewerFor(String username, Set<Region> userRegions, String named,
            Map<Region, List<String>> supervisors, String creator, Collection<String> managers) {
        if (named != null) {
            if (!named.equals(username)) {
                return named;
            }
        } else {
            for (Region region : Region.values()) {
                if (userRegions.contains(region)) {
                    for (String supervisor : supervisors.getOrDefault(region, List.of())) {
                        if (!supervisor.equals(username)) {
                            return supervisor;
                        }
                    }
                }
            }
        }
        if (creator != null && !creator.equals(username) && !creator.startsWith("system:")) {
            return creator;
        }
        for (String manager : managers) {
            if (!manager.equals(username)) {
                return manager;
            }
        }
        return null;
    }
}
