package org.custodian.application.integration;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custodian.application.shared.Inputs;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.ApiScope;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.integration.ApiKeyToken;
import org.custodian.domain.model.integration.ServiceAccount;
import org.custodian.domain.model.integration.ServiceAccountKey;
import org.custodian.domain.model.integration.ServiceAccountRepository;
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.model.user.Role;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultServiceAccountService implements ServiceAccountService {

    static final Duration DEFAULT_KEY_LIFETIME = Duration.ofDays(365);
    static final Duration MAX_KEY_LIFETIME = Duration.ofDays(2 * 365);
    static final long MAX_RATE_LIMIT = 1_000_000;
    /** Roles that work the tickets of their regions: an account acting as one needs regions. */
    private static final Set<Role> REGIONAL = EnumSet.of(Role.AGENT, Role.ENGINEER, Role.SUPERVISOR);

    @Inject
    private ServiceAccountRepository accounts;

    @Inject
    private ApiKeyHasher hasher;

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    private final Clock clock = Clock.systemUTC();

    @Override
    public AccountView create(Caller caller, NewAccount input) {
        policy.enforce(caller, Permission.SERVICE_ACCOUNT_MANAGE, ServiceAccountActions.RESOURCE, input.name());
        Instant now = clock.instant();
        RuleCheck check = new RuleCheck().requireText(input.name(), "name", 2, 64);
        check.require(input.name() == null || input.name().matches(ServiceAccount.NAME_PATTERN), "name",
                "must be 2-64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
        check.optionalText(input.description(), "description", 1000);
        Set<String> scopes = new LinkedHashSet<>();
        List<String> unknownScopes = new ArrayList<>();
        for (String name : input.scopes() == null ? List.<String>of() : input.scopes()) {
            ApiScope.parse(name).ifPresentOrElse(scope -> scopes.add(scope.wireName()), () -> unknownScopes.add(name));
        }
        check.require(input.scopes() != null && !input.scopes().isEmpty(), "scopes",
                "name at least one scope; one of " + ApiScope.allowedValues())
                .require(unknownScopes.isEmpty(), "scopes", "unknown scopes " + unknownScopes + "; known: "
                        + ApiScope.allowedValues());
        Set<Region> regions = EnumSet.noneOf(Region.class);
        List<String> unknownRegions = new ArrayList<>();
        for (String code : input.regions() == null ? List.<String>of() : input.regions()) {
            Region.parse(code).ifPresentOrElse(regions::add, () -> unknownRegions.add(code));
        }
        check.require(unknownRegions.isEmpty(), "regions", "unknown regions " + unknownRegions + "; known: "
                + Region.allowedValues());
        boolean regional = ApiScope.rolesOf(scopes).stream().anyMatch(REGIONAL::contains);
        check.require(!regional || !regions.isEmpty() || !unknownRegions.isEmpty(), "regions",
                "scopes on tickets or customers need at least one region; one of " + Region.allowedValues());
        check.require(input.rateLimit() == null || input.rateLimit() >= 1 && input.rateLimit() <= MAX_RATE_LIMIT,
                "rateLimit", "must be between 1 and " + MAX_RATE_LIMIT + " requests per window");
        Instant expiresAt = Inputs.instant(input.expiresAt(), "expiresAt", false, check);
        check.require(expiresAt == null || expiresAt.isAfter(now), "expiresAt", "must be in the future");
        check.throwIfAny();
        if (scopes.contains(ApiScope.SCIM.wireName())) {
            // an account that provisions people is made only by someone who may manage people
            policy.enforce(caller, Permission.USER_MANAGE, ServiceAccountActions.RESOURCE, input.name());
        }
        if (accounts.find(input.name()).isPresent()) {
            throw new ConflictException("a service account named " + input.name() + " exists");
        }
        ServiceAccount account = new ServiceAccount(input.name(),
                input.description() == null ? null : FieldMasks.maskDetected(input.description().trim()), scopes,
                regions, input.rateLimit() == null ? null : input.rateLimit().intValue(), expiresAt,
                caller.username(), now);
        accounts.store(account);
        audit.record(caller, ServiceAccountActions.CREATE, ServiceAccountActions.RESOURCE, account.getName(),
                List.of("scopes=" + String.join(" ", account.getScopes()),
                        "regions=" + String.join(" ", regions.stream().map(Enum::name).toList()),
                        "expiresAt=" + expiresAt, "rateLimit=" + account.getRateLimit()),
                AuditOutcome.SUCCESS);
        return view(account, now);
    }

    @Override
    public List<AccountView> list(Caller caller) {
        policy.enforce(caller, Permission.SERVICE_ACCOUNT_MANAGE, ServiceAccountActions.RESOURCE, null);
        Instant now = clock.instant();
        return accounts.findAll().stream().map(account -> view(account, now)).toList();
    }

    @Override
    public AccountView get(Caller caller, String name) {
        policy.enforce(caller, Permission.SERVICE_ACCOUNT_MANAGE, ServiceAccountActions.RESOURCE, name);
        return view(find(name, false), clock.instant());
    }

    @Override
    public CreatedKey createKey(Caller caller, String name, NewKey input) {
        policy.enforce(caller, Permission.SERVICE_ACCOUNT_MANAGE, ServiceAccountActions.RESOURCE, name);
        ServiceAccount account = find(name, true);
        Instant now = clock.instant();
        RuleCheck check = new RuleCheck();
        Instant requested = Inputs.instant(input.expiresAt(), "expiresAt", false, check);
        check.require(requested == null || requested.isAfter(now), "expiresAt", "must be in the future")
                .require(requested == null || !requested.isAfter(now.plus(MAX_KEY_LIFETIME)), "expiresAt",
                        "must be at most " + MAX_KEY_LIFETIME.toDays() + " days from now")
                .require(requested == null || account.getExpiresAt() == null
                        || !requested.isAfter(account.getExpiresAt()), "expiresAt",
                        "must not be after the account's end (" + account.getExpiresAt() + ")")
                .require(input.rateLimit() == null || input.rateLimit() >= 1 && input.rateLimit() <= MAX_RATE_LIMIT,
                        "rateLimit", "must be between 1 and " + MAX_RATE_LIMIT + " requests per window");
        check.throwIfAny();
        if (!account.isActiveAt(now)) {
            throw new ConflictException("service account " + name + " is " + account.state(now)
                    + ": it gets no new keys");
        }
        long live = accounts.keysOf(name).stream().filter(key -> key.isLiveAt(now)).count();
        if (live >= ServiceAccountKey.MAX_LIVE) {
            throw new ConflictException("service account " + name + " has " + live + " live keys, the most it may"
                    + " have: revoke the one being replaced first");
        }
        Instant expiresAt = requested;
        if (expiresAt == null) {
            expiresAt = now.plus(DEFAULT_KEY_LIFETIME);
            if (account.getExpiresAt() != null && account.getExpiresAt().isBefore(expiresAt)) {
                expiresAt = account.getExpiresAt();
            }
        }
        ApiKeyToken token = hasher.newKey();
        while (accounts.findKey(token.keyId()).isPresent()) {
            token = hasher.newKey(); // 60 random bits: practically never, but an id names one key only
        }
        Integer rateLimit = input.rateLimit() == null ? null : input.rateLimit().intValue();
        ServiceAccountKey key = new ServiceAccountKey(token.keyId(), name, hasher.hash(token), expiresAt, rateLimit,
                caller.username(), now);
        accounts.store(key);
        audit.record(caller, ServiceAccountActions.KEY_CREATE, ServiceAccountActions.RESOURCE,
                name + "/" + token.keyId(), List.of("expiresAt=" + expiresAt, "rateLimit=" + rateLimit),
                AuditOutcome.SUCCESS);
        return new CreatedKey(token.keyId(), token.text(), ServiceAccount.callerName(name, token.keyId()), expiresAt,
                rateLimit, name);
    }

    @Override
    public KeyView revokeKey(Caller caller, String name, String keyId, String reason) {
        policy.enforce(caller, Permission.SERVICE_ACCOUNT_MANAGE, ServiceAccountActions.RESOURCE, name + "/" + keyId);
        new RuleCheck().optionalText(reason, "reason", 1000).throwIfAny();
        find(name, true);
        ServiceAccountKey key = accounts.findKey(keyId).filter(found -> found.getAccount().equals(name))
                .orElseThrow(() -> new ResourceNotFoundException("key", keyId + " of service account " + name));
        Instant now = clock.instant();
        if (key.revoke(caller.username(), reason == null ? null : FieldMasks.maskDetected(reason.trim()), now)) {
            audit.record(caller, ServiceAccountActions.KEY_REVOKE, ServiceAccountActions.RESOURCE,
                    name + "/" + keyId, reason == null ? null : List.of("reason given"), AuditOutcome.SUCCESS);
        }
        return keyView(key, now);
    }

    @Override
    public AccountView disable(Caller caller, String name, String reason) {
        policy.enforce(caller, Permission.SERVICE_ACCOUNT_MANAGE, ServiceAccountActions.RESOURCE, name);
        new RuleCheck().requireText(reason, "reason", 3, 1000).throwIfAny();
        ServiceAccount account = find(name, true);
        Instant now = clock.instant();
        if (account.getDisabledAt() == null) {
            account.disable(caller.username(), FieldMasks.maskDetected(reason.trim()), now);
            audit.record(caller, ServiceAccountActions.DISABLE, ServiceAccountActions.RESOURCE, name, null,
                    AuditOutcome.SUCCESS);
        }
        return view(account, now);
    }

    private ServiceAccount find(String name, boolean forUpdate) {
        if (name == null || !name.matches(ServiceAccount.NAME_PATTERN)) {
            throw new ResourceNotFoundException("service account", name);
        }
        return (forUpdate ? accounts.findForUpdate(name) : accounts.find(name))
                .orElseThrow(() -> new ResourceNotFoundException("service account", name));
    }

    private AccountView view(ServiceAccount account, Instant now) {
        List<KeyView> keys = accounts.keysOf(account.getName()).stream().map(key -> keyView(key, now)).toList();
        return new AccountView(account.getName(), account.getDescription(), List.copyOf(account.getScopes()),
                ApiScope.rolesOf(account.getScopes()).stream().map(Enum::name).sorted().toList(),
                account.getRegions().stream().map(Enum::name).toList(), account.getRateLimit(),
                account.getExpiresAt(), account.state(now), account.getCreatedAt(), account.getCreatedBy(),
                account.getDisabledAt(), account.getDisabledBy(), account.getDisableReason(), keys);
    }

    private static KeyView keyView(ServiceAccountKey key, Instant now) {
        return new KeyView(key.getKeyId(), ServiceAccount.callerName(key.getAccount(), key.getKeyId()),
                key.state(now), key.getCreatedAt(), key.getCreatedBy(), key.getExpiresAt(), key.getRateLimit(),
                key.getLastUsedAt(), key.getRevokedAt(), key.getRevokedBy());
    }

}
