package org.custodian.domain.model.macro;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The teams' canned replies. */
public interface MacroRepository {

    Optional<Macro> find(long id);

    /** The macros of these teams, by team then name. */
    List<Macro> ofTeams(Collection<Long> teamIds);

    /** Whether the team has a macro of that name other than {@code exceptId}. */
    boolean nameTaken(long teamId, String name, Long exceptId);

    void store(Macro macro);

    void remove(Macro macro);
}
