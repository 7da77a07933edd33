package org.custodian.application.team;

import java.time.Instant;
import java.util.List;
import org.custodian.domain.model.team.Team;

/** A team as the API shows it: no personal data beyond the members' usernames. */
public record TeamView(String key, String name, String region, List<String> members, Instant createdAt,
        Instant changedAt) implements java.io.Serializable {

    static TeamView of(Team team) {
        return new TeamView(team.getKey(), team.getName(), team.getRegion().name(), List.copyOf(team.getMembers()),
                team.getCreatedAt(), team.getChangedAt());
    }
}
