package org.custodian.application.review;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.auth.TokenRevocationService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.review.ReviewViews.DormantAccount;
import org.custodian.application.review.ReviewViews.DormantReport;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.review.AccessReviewRepository;
import org.custodian.domain.model.review.AccessReviewRepository.GrantEndRow;
import org.custodian.domain.model.review.AccessReviewRepository.SignInRow;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultDormantAccountService implements DormantAccountService {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 3650;
    /** Where sign-ins are read from, said in the report so a reader knows what "no sign-in" means. */
    static final String SIGN_IN_SOURCE = "completed password sign-ins at this server (app_user.last_sign_in_at); tokens"
            + " of an identity provider are not sign-ins here";

    @EJB
    PolicyService policy;

    @EJB
    AuditService audit;

    @EJB
    TokenRevocationService tokens;

    @Inject
    AccessReviewRepository reviews;

    @Inject
    UserRepository users;

    private final Clock clock = Clock.systemUTC();

    @Override
    public DormantReport report(Caller caller, Integer requestedDays) {
        if (!policy.allows(caller, Permission.REPORT_READ)) {
            policy.enforce(caller, Permission.USER_READ, AuditActions.REPORT, "dormant-accounts");
        }
        int days = requestedDays == null ? DEFAULT_DAYS : requestedDays;
        new RuleCheck().require(days >= 1 && days <= MAX_DAYS, "days", "must be from 1 to " + MAX_DAYS)
                .throwIfAny();
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(days));
        Map<String, Entry> found = new TreeMap<>();
        for (SignInRow row : reviews.quietSince(cutoff)) {
            found.put(row.username(), new Entry(row.lastSignIn() == null ? "NEVER_SIGNED_IN" : "NO_SIGN_IN",
                    row.createdAt(), row.lastSignIn(), null));
        }
        for (GrantEndRow row : reviews.contractorsWithoutGrant(now)) {
            Entry quiet = found.get(row.username());
            // a contractor both quiet and without a grant is listed once, for the grant (the stronger reason)
            found.put(row.username(), new Entry(row.lastGrantEnded() == null ? "CONTRACTOR_NEVER_GRANTED"
                    : "CONTRACTOR_GRANTS_ENDED", row.createdAt(), quiet == null ? null : quiet.lastSignIn(),
                    row.lastGrantEnded()));
        }
        Map<String, User> byName = reviews.usersNamed(found.keySet()).stream()
                .collect(Collectors.toMap(User::getUsername, Function.identity()));
        List<DormantAccount> accounts = new ArrayList<>();
        found.forEach((username, entry) -> {
            User user = byName.get(username);
            accounts.add(new DormantAccount(username, user == null ? null : user.getDisplayName(),
                    user == null ? new TreeSet<>() : user.getRoles().stream().map(Enum::name)
                            .collect(Collectors.toCollection(TreeSet::new)),
                    user == null ? new TreeSet<>() : user.getRegions().stream().map(Enum::name)
                            .collect(Collectors.toCollection(TreeSet::new)),
                    entry.reason(), entry.createdAt(), entry.lastSignIn(), entry.lastGrantEnded()));
        });
        audit.record(caller, AccessReviewActions.DORMANT_REPORT, AuditActions.REPORT, "dormant-accounts",
                List.of("days=" + days, "accounts=" + accounts.size()), AuditOutcome.SUCCESS);
        return new DormantReport(days, cutoff, now, SIGN_IN_SOURCE, accounts);
    }

    private record Entry(String reason, Instant createdAt, Instant lastSignIn, Instant lastGrantEnded) {
    }

    @Override
    public int disableDormant(int days) {
        if (days <= 0) {
            return 0;
        }
        Caller system = Caller.system("dormant-accounts", null);
        int disabled = 0;
        for (SignInRow row : reviews.quietSince(clock.instant().minus(Duration.ofDays(days)))) {
            User user = users.findByUsername(row.username()).orElse(null);
            if (user == null || !user.isEnabled()) {
                continue;
            }
            user.disable("no sign-in for " + days + " days", system.username(), clock.instant());
            users.flush();
            audit.record(system, AccessReviewActions.DORMANT_DISABLE, AuditActions.USER, row.username(),
                    List.of("days=" + days, "lastSignIn=" + (row.lastSignIn() == null ? "never" : row.lastSignIn())),
                    AuditOutcome.SUCCESS);
            tokens.revokeFor(system, row.username(), "disabled after " + days + " days without a sign-in");
            disabled++;
        }
        return disabled;
    }
}
