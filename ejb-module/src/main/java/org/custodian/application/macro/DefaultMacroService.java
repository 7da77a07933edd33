package org.custodian.application.macro;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.macro.Macro;
import org.custodian.domain.model.macro.MacroRepository;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.team.TeamRepository;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultMacroService implements MacroService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private MacroRepository macros;

    @Inject
    private TeamRepository teams;

    @Inject
    private TicketRepository tickets;

    @Inject
    private UserRepository users;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<MacroView> list(Caller caller) {
        Map<Long, Team> usable = usableTeams(caller);
        return macros.ofTeams(usable.keySet()).stream().map(macro -> view(macro, usable.get(macro.getTeamId())))
                .toList();
    }

    /** The caller's own teams (to use their macros) and, for team leads, the teams of their regions. */
    private Map<Long, Team> usableTeams(Caller caller) {
        boolean manages = policy.allows(caller, Permission.MACRO_MANAGE);
        if (!manages) {
            policy.enforce(caller, Permission.TICKET_WRITE, AuditActions.MACRO, null);
        }
        Map<Long, Team> usable = new LinkedHashMap<>();
        if (policy.allows(caller, Permission.TICKET_WRITE)) {
            teams.teamsOf(caller.username()).forEach(team -> usable.put(team.getId(), team));
        }
        if (manages) {
            teams.findAll().stream().filter(team -> policy.allowsIn(caller, Permission.MACRO_MANAGE, team.getRegion()))
                    .forEach(team -> usable.put(team.getId(), team));
        }
        return usable;
    }

    @Override
    public List<String> managedTeams(Caller caller) {
        if (!policy.allows(caller, Permission.MACRO_MANAGE)) {
            return List.of();
        }
        return teams.findAll().stream().filter(team -> policy.allowsIn(caller, Permission.MACRO_MANAGE,
                team.getRegion())).map(Team::getKey).sorted().toList();
    }

    @Override
    public MacroView create(Caller caller, String teamKey, String name, String body) {
        policy.enforce(caller, Permission.MACRO_MANAGE, AuditActions.MACRO, null);
        new RuleCheck().requireText(teamKey, "team", 40).throwIfAny();
        Team team = teams.findByKey(teamKey.trim()).orElse(null);
        new RuleCheck().require(team != null, "team", "no team '" + teamKey + "' (GET /api/v1/teams lists them)")
                .throwIfAny();
        managed(caller, team, null);
        Macro macro = new Macro(team.getId(), name, body, caller.username(), clock.instant());
        if (macros.nameTaken(team.getId(), macro.getName(), null)) {
            throw new ConflictException("team " + team.getKey() + " already has a macro named '" + macro.getName() + "'");
        }
        macros.store(macro);
        audit.record(caller, AuditActions.MACRO_CREATE, AuditActions.MACRO, String.valueOf(macro.getId()),
                List.of("team=" + team.getKey(), "name", "body"), AuditOutcome.SUCCESS);
        return view(macro, team);
    }

    @Override
    public MacroView change(Caller caller, long id, String name, String body, Long expectedVersion) {
        policy.enforce(caller, Permission.MACRO_MANAGE, AuditActions.MACRO, String.valueOf(id));
        Macro macro = macros.find(id).orElseThrow(() -> new ResourceNotFoundException("macro", id));
        Team team = teams.findAll().stream().filter(one -> one.getId() == macro.getTeamId()).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("macro", id));
        managed(caller, team, id);
        StaleVersionException.check("macro " + id, expectedVersion, macro.getVersion());
        String newName = name == null ? macro.getName() : name;
        String newBody = body == null ? macro.getBody() : body;
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(newName.trim(), macro.getName())) {
            changed.add("name");
        }
        if (!Objects.equals(newBody, macro.getBody())) {
            changed.add("body");
        }
        macro.change(newName, newBody, caller.username(), clock.instant());
        if (macros.nameTaken(team.getId(), macro.getName(), id)) {
            throw new ConflictException("team " + team.getKey() + " already has a macro named '" + macro.getName() + "'");
        }
        audit.record(caller, AuditActions.MACRO_CHANGE, AuditActions.MACRO, String.valueOf(id), changed,
                AuditOutcome.SUCCESS);
        return view(macro, team);
    }

    @Override
    public void delete(Caller caller, long id) {
        policy.enforce(caller, Permission.MACRO_MANAGE, AuditActions.MACRO, String.valueOf(id));
        Macro macro = macros.find(id).orElseThrow(() -> new ResourceNotFoundException("macro", id));
        Team team = teams.findAll().stream().filter(one -> one.getId() == macro.getTeamId()).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("macro", id));
        managed(caller, team, id);
        macros.remove(macro);
        audit.record(caller, AuditActions.MACRO_DELETE, AuditActions.MACRO, String.valueOf(id),
                List.of("team=" + team.getKey(), "name=" + macro.getName()), AuditOutcome.SUCCESS);
    }

    /** A team lead manages the macros of the teams of their own regions only. */
    private void managed(Caller caller, Team team, Long macroId) {
        if (!policy.allowsIn(caller, Permission.MACRO_MANAGE, team.getRegion())) {
            audit.record(caller, AuditActions.MACRO_CHANGE, AuditActions.MACRO,
                    macroId == null ? "team=" + team.getKey() : String.valueOf(macroId),
                    List.of("region=" + team.getRegion()), AuditOutcome.DENIED);
            throw new AccessDeniedException("you manage the macros of the teams of your own regions; team "
                    + team.getKey() + " works in " + team.getRegion());
        }
    }

    @Override
    public FilledMacro fill(Caller caller, long id, long ticketId) {
        Map<Long, Team> usable = usableTeams(caller);
        Macro macro = macros.find(id).filter(one -> usable.containsKey(one.getTeamId()))
                .orElseThrow(() -> new ResourceNotFoundException("macro", id));
        AccessContext context = policy.contextFor(caller);
        policy.enforce(caller, Permission.TICKET_READ, AuditActions.TICKET, String.valueOf(ticketId));
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new ResourceNotFoundException("ticket", ticketId));
        Decision decision = policy.authorize(context, Permission.TICKET_READ, ResourceScope.of(ticket));
        String agent = users.findByUsername(caller.username()).map(user -> user.getDisplayName())
                .orElse(caller.username());
        return new MacroFilling(policy, audit, context, decision).fill(macro, ticket, agent);
    }

    private static MacroView view(Macro macro, Team team) {
        return new MacroView(macro.getId(), team.getKey(), macro.getName(), macro.getBody(), macro.getChangedBy(),
                macro.getChangedAt(), macro.getVersion());
    }
}
