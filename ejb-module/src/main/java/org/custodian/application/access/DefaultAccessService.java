package org.custodian.application.access;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodian.application.access.Views.GrantView;
import org.custodian.application.access.Views.NewGrant;
import org.custodian.application.access.Views.NewOverride;
import org.custodian.application.access.Views.NewTransferRule;
import org.custodian.application.access.Views.NotificationView;
import org.custodian.application.access.Views.OverrideView;
import org.custodian.application.access.Views.TransferRuleView;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.access.AccessGrant;
import org.custodian.domain.model.access.AccessOverride;
import org.custodian.domain.model.access.AccessRepository;
import org.custodian.domain.model.access.Notification;
import org.custodian.domain.model.access.TransferBasis;
import org.custodian.domain.model.access.TransferRule;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultAccessService implements AccessService {

    private static final int NOTIFICATION_LIMIT = 200;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private FieldDigest digest;

    @Inject
    private AccessRepository access;

    @Inject
    private UserRepository users;

    @Inject
    private TicketRepository tickets;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<TransferRuleView> transferRules(Caller caller) {
        policy.enforce(caller, Permission.POLICY_READ, AuditActions.TRANSFER_RULE, null);
        return access.transferRules(false).stream().map(TransferRuleView::of).toList();
    }

    @Override
    public TransferRuleView createTransferRule(Caller caller, NewTransferRule input) {
        policy.enforce(caller, Permission.POLICY_MANAGE, AuditActions.TRANSFER_RULE, null);
        RuleCheck check = new RuleCheck();
        Region from = Inputs.enumValue(Region.class, input.fromRegion(), "fromRegion", true, check);
        Region to = Inputs.enumValue(Region.class, input.toRegion(), "toRegion", true, check);
        TransferBasis basis = Inputs.enumValue(TransferBasis.class, input.basis(), "basis", true, check);
        check.throwIfAny();
        TransferRule rule = new TransferRule(from, to, basis, input.reason(), caller.username(), clock.instant());
        access.store(rule);
        audit.record(caller, AuditActions.TRANSFER_RULE_CREATE, AuditActions.TRANSFER_RULE,
                String.valueOf(rule.getId()), List.of("from=" + from, "to=" + to, "basis=" + basis),
                AuditOutcome.SUCCESS);
        return TransferRuleView.of(rule);
    }

    @Override
    public TransferRuleView revokeTransferRule(Caller caller, long id) {
        policy.enforce(caller, Permission.POLICY_MANAGE, AuditActions.TRANSFER_RULE, String.valueOf(id));
        TransferRule rule = access.findTransferRule(id)
                .orElseThrow(() -> new ResourceNotFoundException("transfer rule", id));
        rule.revoke(caller.username(), clock.instant());
        audit.record(caller, AuditActions.TRANSFER_RULE_REVOKE, AuditActions.TRANSFER_RULE, String.valueOf(id),
                null, AuditOutcome.SUCCESS);
        return TransferRuleView.of(rule);
    }

    @Override
    public List<GrantView> grants(Caller caller, String grantee) {
        policy.enforce(caller, Permission.GRANT_READ, AuditActions.GRANT, grantee);
        boolean onlyOwn = caller.hasRole(Role.CONTRACTOR) && !caller.hasRole(Role.SUPERVISOR)
                && !caller.hasRole(Role.PRIVACY_OFFICER) && !caller.hasRole(Role.AUDITOR);
        String who = onlyOwn ? caller.username() : Inputs.blankToNull(grantee);
        if (onlyOwn && grantee != null && !grantee.isBlank() && !grantee.trim().equals(caller.username())) {
            audit.record(caller, AuditActions.GRANT_LIST, AuditActions.GRANT, grantee, null, AuditOutcome.DENIED);
            throw new AccessDeniedException("a contractor may list only their own grants");
        }
        Instant now = clock.instant();
        List<GrantView> views = access.grants(who).stream().map(grant -> GrantView.of(grant, now)).toList();
        audit.record(caller, AuditActions.GRANT_LIST, AuditActions.GRANT, who, null, AuditOutcome.SUCCESS);
        return views;
    }

    @Override
    public GrantView grant(Caller caller, NewGrant input) {
        policy.enforce(caller, Permission.GRANT_MANAGE, AuditActions.GRANT, input.grantee());
        Instant now = clock.instant();
        RuleCheck check = new RuleCheck().requireText(input.grantee(), "grantee", 64);
        Set<Region> regions = EnumSet.noneOf(Region.class);
        for (String code : input.regions() == null ? List.<String>of() : input.regions()) {
            Region region = Inputs.enumValue(Region.class, code, "regions", true, check);
            if (region != null) {
                regions.add(region);
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        if (input.categories() != null) {
            input.categories().forEach(category -> categories.add(category == null ? null
                    : category.trim().toUpperCase(Locale.ROOT)));
        }
        Instant startsAt = Inputs.instant(input.startsAt(), "startsAt", false, check);
        Instant expiresAt = Inputs.instant(input.expiresAt(), "expiresAt", false, check);
        check.throwIfAny();
        User grantee = users.findByUsername(input.grantee().trim()).orElse(null);
        new RuleCheck()
                .require(grantee != null, "grantee", "no user '" + input.grantee().trim() + "' exists")
                .require(grantee == null || grantee.getRoles().contains(Role.CONTRACTOR), "grantee",
                        "grants are for contractors; '" + input.grantee().trim() + "' is not one (their roles: "
                                + (grantee == null ? "" : grantee.getRoles()) + ")")
                .require(grantee == null || grantee.isEnabled(), "grantee", "the account is disabled")
                .throwIfAny();
        if (!caller.regions().containsAll(regions)) {
            Set<Region> outside = EnumSet.copyOf(regions);
            outside.removeAll(caller.regions());
            audit.record(caller, AuditActions.GRANT_CREATE, AuditActions.GRANT, grantee.getUsername(),
                    List.of("regions=" + outside), AuditOutcome.DENIED);
            throw new AccessDeniedException("you may grant access only to your own regions " + caller.regions()
                    + "; not to " + outside);
        }
        AccessGrant grant = new AccessGrant(grantee.getUsername(), categories, regions, startsAt, expiresAt,
                input.reason(), caller.username(), now);
        access.store(grant);
        audit.record(caller, AuditActions.GRANT_CREATE, AuditActions.GRANT, String.valueOf(grant.getId()),
                List.of("grantee=" + grant.getGrantee(), "regions=" + grant.getRegions(),
                        "categories=" + grant.getCategories(), "expiresAt=" + grant.getExpiresAt()),
                AuditOutcome.SUCCESS);
        return GrantView.of(grant, now);
    }

    @Override
    public GrantView revokeGrant(Caller caller, long id, String reason) {
        policy.enforce(caller, Permission.GRANT_MANAGE, AuditActions.GRANT, String.valueOf(id));
        new RuleCheck().optionalText(reason, "reason", 1000).throwIfAny();
        AccessGrant grant = access.findGrantForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("grant", id));
        Set<Region> shared = EnumSet.copyOf(grant.getRegions());
        shared.retainAll(caller.regions());
        if (shared.isEmpty()) {
            audit.record(caller, AuditActions.GRANT_REVOKE, AuditActions.GRANT, String.valueOf(id), null,
                    AuditOutcome.DENIED);
            throw new AccessDeniedException("grant " + id + " covers regions " + grant.getRegions()
                    + ", none of them yours " + caller.regions());
        }
        Instant now = clock.instant();
        grant.revoke(caller.username(), Inputs.blankToNull(reason), now);
        audit.record(caller, AuditActions.GRANT_REVOKE, AuditActions.GRANT, String.valueOf(id),
                List.of("grantee=" + grant.getGrantee()), AuditOutcome.SUCCESS);
        return GrantView.of(grant, now);
    }

    @Override
    public boolean revokeGrantForReview(Caller caller, long id, String reason) {
        AccessGrant grant = access.findGrantForUpdate(id).orElse(null);
        Instant now = clock.instant();
        if (grant == null || grant.getRevokedAt() != null || !grant.getExpiresAt().isAfter(now)) {
            return false;
        }
        grant.revoke(caller.username(), reason, now);
        audit.record(caller, AuditActions.GRANT_REVOKE, AuditActions.GRANT, String.valueOf(id),
                List.of("grantee=" + grant.getGrantee(), "why=access review"), AuditOutcome.SUCCESS);
        return true;
    }

    @Override
    public OverrideView openOverride(Caller caller, NewOverride input) {
        policy.enforce(caller, Permission.BREAK_GLASS, AuditActions.OVERRIDE,
                input.ticketId() == null ? null : String.valueOf(input.ticketId()));
        new RuleCheck().require(input.ticketId() != null, "ticketId", "is required: the ticket to open").throwIfAny();
        Instant now = clock.instant();
        AccessOverride override = new AccessOverride(input.ticketId(), caller.username(), input.justification(),
                input.minutes(), now);
        Ticket ticket = tickets.find(input.ticketId()).orElse(null);
        if (ticket == null) {
            audit.record(caller, AuditActions.OVERRIDE_CREATE, AuditActions.TICKET, String.valueOf(input.ticketId()),
                    null, AuditOutcome.FAILURE);
            throw new ResourceNotFoundException("ticket", input.ticketId());
        }
        // break-glass may cross regions (an outage does not respect them), and then says so loudly
        boolean crossRegion = !caller.regions().contains(ticket.getRegion());
        String where = crossRegion ? " (region " + ticket.getRegion() + ", outside " + caller.username()
                + "'s regions " + caller.regions() + ": a transfer without a transfer rule)" : "";
        access.store(override);
        audit.record(caller, AuditActions.OVERRIDE_CREATE, AuditActions.OVERRIDE, String.valueOf(override.getId()),
                List.of("ticket=" + override.getTicketId(), "until=" + override.getExpiresAt(),
                        "ticketRegion=" + ticket.getRegion(), "crossRegion=" + crossRegion,
                        // the reason may name the customer: the trail keeps a keyed hash, the override row the
                        // text (which an erasure can blank)
                        "justification=" + digest.of("access_override.justification", override.getJustification())),
                AuditOutcome.SUCCESS);
        access.store(new Notification(Role.PRIVACY_OFFICER, "BREAK_GLASS", AuditActions.TICKET,
                String.valueOf(override.getTicketId()),
                caller.username() + " opened break-glass override " + override.getId() + " on ticket "
                        + override.getTicketId() + where + " until " + override.getExpiresAt() + ": "
                        + override.getJustification(), now));
        return OverrideView.of(override, now);
    }

    @Override
    public List<OverrideView> overrides(Caller caller, String state) {
        policy.enforce(caller, Permission.OVERRIDE_READ, AuditActions.OVERRIDE, state);
        String wanted = state == null || state.isBlank() ? "active" : state.trim().toLowerCase(Locale.ROOT);
        new RuleCheck().require(wanted.equals("active") || wanted.equals("expired"), "state",
                "must be active or expired").throwIfAny();
        Instant now = clock.instant();
        boolean onlyOwn = !caller.hasRole(Role.PRIVACY_OFFICER) && !caller.hasRole(Role.AUDITOR);
        List<OverrideView> views = access.overrides(wanted.equals("active"), now).stream()
                .filter(override -> !onlyOwn || override.getUsername().equals(caller.username()))
                .map(override -> OverrideView.of(override, now)).toList();
        audit.record(caller, AuditActions.OVERRIDE_LIST, AuditActions.OVERRIDE, "state=" + wanted, null,
                AuditOutcome.SUCCESS);
        return views;
    }

    @Override
    public List<NotificationView> notifications(Caller caller) {
        policy.enforce(caller, Permission.NOTIFICATION_READ, AuditActions.NOTIFICATION, null);
        List<NotificationView> views = access.notificationsFor(caller.roles(), caller.username(), NOTIFICATION_LIMIT)
                .stream()
                .map(NotificationView::of).toList();
        audit.record(caller, AuditActions.NOTIFICATION_LIST, AuditActions.NOTIFICATION, null, null,
                AuditOutcome.SUCCESS);
        return views;
    }

}
