package org.custodian.domain.model.team;

import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface TeamRepository {

    Optional<Team> findByKey(String key);

    /** Every team, by key. */
    List<Team> findAll();

    /** The teams a user is a member of, by key (the users API shows them; the "team" queue is built from them). */
    List<Team> teamsOf(String username);

    /** The usernames of everyone in at least one of the teams {@code username} is a member of (them included). */
    Set<String> teammatesOf(String username);

    void store(Team team);

    /** Writes pending changes now (so a duplicate key surfaces inside the caller). */
    void flush();
}
