package org.custodian.application.sla;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custodian.application.audit.AuditService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.access.Notification;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.sla.SlaPolicy;
import org.custodian.domain.model.team.Team;
import org.custodian.domain.model.team.TeamRepository;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketStatus;
import org.custodian.domain.model.user.Role;

/**
 * What a breach escalates (#25), in the timer's transaction for the clock: the supervisors are told, and when the
 * ticket's policy names a team ({@code escalateToTeam}) an unresolved ticket is routed to it; an assignee who is not
 * in that team is taken off, so the team picks it up. The reassignment is its own audit event (SLA_ESCALATION, team
 * before and after), next to the SLA_BREACH event. A team in another region than the ticket's does not take it (a
 * policy for every region may name one, or the team may have moved since): that is recorded as a failed
 * SLA_ESCALATION saying why, and the ticket stays where it was.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SlaEscalation {

    @Inject
    private TeamRepository teams;

    @Inject
    private AccessRepository access;

    @EJB
    private AuditService audit;

    /** Escalates the breach of {@code ticket}'s clock under {@code policy} (null: the policy is gone). */
    public void breached(Ticket ticket, SlaPolicy policy, String message, Instant now) {
        access.store(new Notification(Role.SUPERVISOR, SlaActions.TOPIC, SlaActions.TICKET,
                String.valueOf(ticket.getId()), message, now));
        if (policy == null || policy.getEscalateToTeam() == null || ticket.getStatus().isResolved()
                || ticket.getStatus() == TicketStatus.CLOSED || ticket.isAnonymized()) {
            return;
        }
        Team team = teams.findByKey(policy.getEscalateToTeam()).orElse(null);
        if (team == null) {
            return;
        }
        if (team.getRegion() != ticket.getRegion()) {
            // a team works its own region's tickets: routing there would hand the ticket to people who may not see
            // it; the supervisors were told above, and the trail says why the policy's team did not take it
            audit.record(Caller.system(SlaDeadlines.SYSTEM, null), SlaActions.SLA_ESCALATION, SlaActions.TICKET,
                    String.valueOf(ticket.getId()), List.of("team=" + team.getKey(), "skipped=team region "
                            + team.getRegion() + " is not the ticket's region " + ticket.getRegion(),
                            "policy=" + policy.getId() + "/v" + policy.getVersion()), AuditOutcome.FAILURE);
            return;
        }
        String teamBefore = ticket.getTeam() == null ? null : ticket.getTeam().getKey();
        String assigneeBefore = ticket.getAssignee();
        boolean unassign = assigneeBefore != null && !team.getMembers().contains(assigneeBefore);
        if (unassign) {
            TicketDetails d = ticket.details();
            ticket.revise(new TicketDetails(d.subject(), d.description(), d.priority(), d.category(), d.productSku(),
                    d.siteCode(), null), ticket.getStatus(), ticket.getResolvedAt(), now);
        }
        boolean routed = ticket.routeTo(team, now);
        if (!routed && !unassign) {
            return;
        }
        List<String> fields = new ArrayList<>(List.of("team=" + teamBefore + "->" + team.getKey(),
                "policy=" + policy.getId() + "/v" + policy.getVersion()));
        if (unassign) {
            fields.add("assignee=" + assigneeBefore + "->null");
        }
        audit.record(Caller.system(SlaDeadlines.SYSTEM, null), SlaActions.SLA_ESCALATION, SlaActions.TICKET,
                String.valueOf(ticket.getId()), fields, AuditOutcome.SUCCESS);
    }
}
