package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.team.TeamRepository;

@ApplicationScoped
public class JpaTeamRepository implements TeamRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<Team> findByKey(String key) {
        return entityManager.createNamedQuery("Team.findByKey", Team.class).setParameter("key", key)
                .getResultStream().findFirst();
    }

    @Override
    public List<Team> findAll() {
        return entityManager.createNamedQuery("Team.findAll", Team.class).getResultList();
    }

    @Override
    public List<Team> teamsOf(String username) {
        return entityManager.createNamedQuery("Team.findByMember", Team.class).setParameter("username", username)
                .getResultList();
    }

    @Override
    public Set<String> teammatesOf(String username) {
        Set<String> usernames = new TreeSet<>();
        for (Team team : teamsOf(username)) {
            usernames.addAll(team.getMembers());
        }
        return usernames;
    }

    @Override
    public void store(Team team) {
        entityManager.persist(team);
    }

    @Override
    public void flush() {
        entityManager.flush();
    }
}
