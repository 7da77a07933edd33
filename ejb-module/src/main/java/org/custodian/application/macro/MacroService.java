package org.custodian.application.macro;

import java.util.List;
import org.custodian.application.shared.Caller;

/** The teams' canned replies. */
public interface MacroService {

    /**
     * The macros the caller may use (TICKET_WRITE: those of their teams) or manage (MACRO_MANAGE: those of the
     * teams of their regions).
     */
    List<MacroView> list(Caller caller);

    /**
     * The keys of the teams whose macros the caller manages (MACRO_MANAGE in the team's region), by key; empty for
     * everyone else. For the macros page: what it lists and where new macros may go.
     */
    List<String> managedTeams(Caller caller);

    MacroView create(Caller caller, String team, String name, String body);

    /** Changes name and/or body (null keeps); with {@code expectedVersion} a stale change is a 412. */
    MacroView change(Caller caller, long id, String name, String body, Long expectedVersion);

    void delete(Caller caller, long id);

    /** Fills the macro's placeholders for one ticket with what the caller may see; audited as a read. */
    FilledMacro fill(Caller caller, long id, long ticketId);
}
