package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.macro.Macro;
import org.custodian.domain.model.macro.MacroRepository;

@ApplicationScoped
public class JpaMacroRepository implements MacroRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<Macro> find(long id) {
        return Optional.ofNullable(entityManager.find(Macro.class, id));
    }

    @Override
    public List<Macro> ofTeams(Collection<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT m FROM Macro m WHERE m.teamId IN :teams ORDER BY m.teamId, m.name",
                Macro.class).setParameter("teams", teamIds).getResultList();
    }

    @Override
    public boolean nameTaken(long teamId, String name, Long exceptId) {
        return entityManager.createQuery("SELECT m.id FROM Macro m WHERE m.teamId = :team AND m.name = :name",
                        Long.class)
                .setParameter("team", teamId).setParameter("name", name.trim()).getResultList().stream()
                .anyMatch(id -> !id.equals(exceptId));
    }

    @Override
    public void store(Macro macro) {
        entityManager.persist(macro);
    }

    @Override
    public void remove(Macro macro) {
        entityManager.remove(macro);
    }
}
