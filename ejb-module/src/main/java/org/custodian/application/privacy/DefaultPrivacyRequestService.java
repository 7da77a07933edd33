package org.custodian.application.privacy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerMergeRepository;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.privacy.ConsentPurpose;
import org.custodian.domain.model.privacy.Erasure;
import org.custodian.domain.model.privacy.ErasureLedger;
import org.custodian.domain.model.privacy.PrivacyRequest;
import org.custodian.domain.model.privacy.PrivacyRequestRepository;
import org.custodian.domain.model.privacy.PrivacyRequestType;
import org.custodian.domain.model.privacy.ProcessingRestriction;
import org.custodian.domain.model.privacy.RestrictionRepository;
import org.custodian.domain.model.retention.LegalHold;
import org.custodian.domain.model.retention.RetentionRepository;
import org.custodian.domain.model.retention.RetentionSubject;
import org.custodian.domain.model.user.User;
import org.custodian.domain.model.user.UserRepository;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultPrivacyRequestService implements PrivacyRequestService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private org.custodian.domain.model.attachment.AttachmentKeys attachmentKeys;

    @Inject
    private org.custodian.domain.model.attachment.AttachmentRepository attachmentRows;

    @Inject
    private PrivacyRequestRepository requests;

    @Inject
    private CustomerRepository customers;

    @Inject
    private RetentionRepository retention;

    @Inject
    private ErasureLedger ledger;

    @Inject
    private FieldDigest digest;

    @Inject
    private RestrictionRepository restrictions;

    @Inject
    private CustomerMergeRepository merges;

    @EJB
    private SubjectPackageService subjectPackages;

    @Inject
    private UserRepository users;

    @EJB
    private Objections objections;

    private final Clock clock = Clock.systemUTC();

    @Override
    public RequestView register(Caller caller, NewRequest input) {
        enforce(caller, "new");
        RuleCheck check = new RuleCheck();
        PrivacyRequestType type = Inputs.enumValue(PrivacyRequestType.class, input.type(), "type", true, check);
        Instant received = null;
        if (input.receivedAt() != null && !input.receivedAt().isBlank()) {
            try {
                received = Instant.parse(input.receivedAt().trim()).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                check.require(false, "receivedAt", "must be an ISO-8601 UTC time such as 2026-11-01T09:00:00Z");
            }
        }
        String email = blankToNull(input.email());
        String phone = blankToNull(input.phone());
        check.require(email == null || email.length() <= 254, "email", "at most 254 characters");
        check.require(phone == null || phone.length() <= 32, "phone", "at most 32 characters");
        check.require(input.customerId() == null || customers.find(input.customerId()).isPresent(), "customerId",
                "no customer has this id; leave it out to find the subject by email or phone");
        check.throwIfAny();
        requireHandler(blankToNull(input.assignee()));
        Set<Long> subjects = new TreeSet<>(requests.customersMatching(email, phone));
        if (input.customerId() != null) {
            subjects.add(input.customerId());
        }
        // a merged record and its survivor are one person (#23): a request about either covers both
        subjects = new TreeSet<>(merges.withMerged(subjects));
        // a subject with no record here is still registered: the answer is then that nothing is held
        PrivacyRequest request = new PrivacyRequest(type, subjects, email, phone, received,
                blankToNull(input.assignee()), caller.username(), now());
        if (type == PrivacyRequestType.OBJECTION || input.purposes() != null) {
            request.objectTo(purposes(input.purposes()), now());
        }
        requests.store(request);
        record(caller, "NEW", request);
        return view(request);
    }

    @Override
    public List<RequestView> list(Caller caller, boolean overdue, Integer dueWithinDays) {
        enforce(caller, "list");
        RuleCheck check = new RuleCheck();
        check.require(dueWithinDays == null || (dueWithinDays >= 0 && dueWithinDays <= 365), "dueWithinDays",
                "must be from 0 to 365");
        check.require(!(overdue && dueWithinDays != null), "overdue", "give either overdue=true or dueWithinDays");
        check.throwIfAny();
        Instant now = now();
        List<PrivacyRequest> found = overdue ? requests.openDueBefore(now)
                : dueWithinDays != null ? requests.openDueBefore(now.plus(Duration.ofDays(dueWithinDays)))
                        .stream().filter(r -> !r.getDueAt().isBefore(now)).toList()
                : requests.all();
        audit.record(caller, AuditActions.PRIVACY_REQUEST + "_LIST", AuditActions.PRIVACY_REQUEST, null,
                List.of("overdue=" + overdue, "dueWithinDays=" + dueWithinDays, "count=" + found.size()),
                AuditOutcome.SUCCESS);
        return found.stream().map(this::view).toList();
    }

    @Override
    public RequestView get(Caller caller, long id) {
        enforce(caller, String.valueOf(id));
        PrivacyRequest request = requests.find(id).orElseThrow(() -> notFound(id));
        record(caller, "READ", request);
        return view(request);
    }

    @Override
    public RequestView verifyIdentity(Caller caller, long id, String method) {
        return step(caller, id, "VERIFY", request -> request.verifyIdentity(method, caller.username(),
                now()));
    }

    @Override
    public RequestView start(Caller caller, long id) {
        return step(caller, id, "START", request -> request.start(request.getType() == PrivacyRequestType.ERASURE
                ? blockingHold(request.getSubjectCustomerIds()) : null, now()));
    }

    @Override
    public RequestView complete(Caller caller, long id, String outcome) {
        return step(caller, id, "COMPLETE", request -> request.complete(outcome, now()));
    }

    @Override
    public RequestView erase(Caller caller, long id) {
        enforce(caller, String.valueOf(id));
        PrivacyRequest request = requests.findForUpdate(id).orElseThrow(() -> notFound(id));
        request.requireCarriedOutAs(PrivacyRequestType.ERASURE);
        // the same person may have been stored again since the request came in: their records go too
        request.addSubjects(requests.customersMatching(request.getSubjectEmail(), request.getSubjectPhone()));
        request.addSubjects(merges.withMerged(request.getSubjectCustomerIds()));
        // no hold can be placed between this check and the commit (holds take the guard exclusively)
        retention.shareHoldGuard();
        Long hold = blockingHold(request.getSubjectCustomerIds());
        Instant now = now();
        if (hold != null) {
            request.blockedBy(hold, now);
            record(caller, "ERASE_BLOCKED", request);
            return view(request);
        }
        // #24: their attachment data keys go in this transaction (counted here; the ledger's replay after a restore
        // destroys any key row a backup set brings back), so their ciphertext stays unreadable wherever it is
        long unreadable = attachmentRows.countUnderKeysOf(request.getSubjectCustomerIds());
        int shredded = attachmentKeys.destroy(request.getSubjectCustomerIds(), now);
        ErasureLedger.ErasedCounts counts = ledger.erase(id, request.getSubjectCustomerIds(), now, this::keyedHash);
        // access packages already built hold the data in clear: their files go and their links stop working
        int revoked = subjectPackages.revokeForCustomers(request.getSubjectCustomerIds(), "erasure request " + id);
        Erasure erasure = new Erasure(request.getId(), request.getSubjectCustomerIds(), now, caller.username(),
                ErasureReceipts.receipt(request, counts, revoked, unreadable, now, caller.username()));
        ledger.store(erasure);
        request.carriedOut(PrivacyRequestType.ERASURE, "Erased " + counts.customers() + " customer record(s), "
                + counts.tickets() + " ticket(s), " + counts.comments() + " comment(s), " + counts.requests()
                + " register entr(y/ies), " + revoked + " access package(s) and " + shredded
                + " attachment key(s) (" + unreadable + " attachment(s) now unreadable); receipt at"
                + " /api/v1/privacy/requests/" + id + "/receipt (erasure ledger entry " + erasure.getId() + ")", now);
        for (Long customerId : request.getSubjectCustomerIds()) {
            audit.record(caller, AuditActions.CUSTOMER_ERASE, AuditActions.CUSTOMER, String.valueOf(customerId),
                    List.of("request=" + id, "ledger=" + erasure.getId()), AuditOutcome.SUCCESS);
        }
        audit.record(caller, AuditActions.PRIVACY_REQUEST + "_ERASE", AuditActions.PRIVACY_REQUEST, String.valueOf(id),
                List.of("type=" + request.getType(), "status=" + request.getStatus(),
                        "customers=" + counts.customers(), "tickets=" + counts.tickets(),
                        "comments=" + counts.comments(), "requests=" + counts.requests(), "packages=" + revoked,
                        "attachment-keys-destroyed=" + shredded, "attachments-unreadable=" + unreadable,
                        "ledger=" + erasure.getId()), AuditOutcome.SUCCESS);
        return view(request);
    }

    @Override
    public RequestView object(Caller caller, long id, List<String> purposes) {
        enforce(caller, String.valueOf(id));
        Set<ConsentPurpose> named = purposes == null ? null : purposes(purposes);
        PrivacyRequest request = requests.findForUpdate(id).orElseThrow(() -> notFound(id));
        request.addSubjects(merges.withMerged(request.getSubjectCustomerIds()));
        objections.carryOut(caller, request, named, now());
        record(caller, "OBJECT", request);
        return view(request);
    }

    /** Purpose names as given; an unknown one is a 422 naming the known ones. */
    private static Set<ConsentPurpose> purposes(List<String> names) {
        RuleCheck check = new RuleCheck();
        Set<ConsentPurpose> parsed = new TreeSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            ConsentPurpose purpose = Inputs.enumValue(ConsentPurpose.class, name, "purposes", true, check);
            if (purpose != null) {
                parsed.add(purpose);
            }
        }
        check.throwIfAny();
        return parsed;
    }

    @Override
    public String erasureReceipt(Caller caller, long id) {
        enforce(caller, String.valueOf(id));
        requests.find(id).orElseThrow(() -> notFound(id));
        Erasure erasure = ledger.findByRequest(id).orElseThrow(() -> new ResourceNotFoundException(
                "erasure receipt of privacy request", id));
        audit.record(caller, AuditActions.PRIVACY_REQUEST + "_RECEIPT", AuditActions.PRIVACY_REQUEST,
                String.valueOf(id), List.of("ledger=" + erasure.getId()), AuditOutcome.SUCCESS);
        return erasure.getReceipt();
    }

    @Override
    public RequestView restrict(Caller caller, long id) {
        enforce(caller, String.valueOf(id));
        PrivacyRequest request = requests.findForUpdate(id).orElseThrow(() -> notFound(id));
        request.requireCarriedOutAs(PrivacyRequestType.RESTRICTION);
        request.addSubjects(merges.withMerged(request.getSubjectCustomerIds()));
        // as placing a hold: running purge chunks finish first, later ones see the restriction
        retention.lockHoldGuard();
        Instant now = now();
        Set<Long> already = new TreeSet<>();
        restrictions.activeOf(request.getSubjectCustomerIds()).forEach(r -> already.add(r.getCustomerId()));
        int made = 0;
        for (Long customerId : new TreeSet<>(request.getSubjectCustomerIds())) {
            if (already.contains(customerId)) {
                continue;
            }
            ProcessingRestriction restriction = new ProcessingRestriction(id, customerId, caller.username(), now);
            restrictions.store(restriction);
            made++;
            audit.record(caller, AuditActions.CUSTOMER_RESTRICT, AuditActions.CUSTOMER, String.valueOf(customerId),
                    List.of("request=" + id, "restriction=" + restriction.getId()), AuditOutcome.SUCCESS);
        }
        request.carriedOut(PrivacyRequestType.RESTRICTION, "Restricted processing of " + made + " customer"
                + " record(s)" + (already.isEmpty() ? "" : " (" + already.size() + " already restricted)")
                + ": stored, shown only to privacy officers, left out of searches and retention; lift with POST"
                + " /api/v1/privacy/requests/" + id + "/lift", now);
        record(caller, "RESTRICT", request);
        return view(request);
    }

    @Override
    public List<RestrictionView> liftRestriction(Caller caller, long id, String reason) {
        enforce(caller, String.valueOf(id));
        PrivacyRequest request = requests.findForUpdate(id).orElseThrow(() -> notFound(id));
        List<ProcessingRestriction> active = restrictions.byRequest(id).stream()
                .filter(ProcessingRestriction::isActive).toList();
        if (active.isEmpty()) {
            throw new DomainRuleViolationException("status", "request " + id + " (" + request.getType() + ", "
                    + request.getStatus() + ") has no active restriction to lift");
        }
        Instant now = now();
        for (ProcessingRestriction restriction : active) {
            restriction.lift(caller.username(), reason, now);
            audit.record(caller, AuditActions.CUSTOMER_RESTRICTION_LIFT, AuditActions.CUSTOMER,
                    String.valueOf(restriction.getCustomerId()), List.of("request=" + id,
                            "restriction=" + restriction.getId()), AuditOutcome.SUCCESS);
        }
        record(caller, "LIFT", request);
        return restrictions.byRequest(id).stream().map(DefaultPrivacyRequestService::view).toList();
    }

    @Override
    public List<RestrictionView> restrictions(Caller caller, long id) {
        enforce(caller, String.valueOf(id));
        PrivacyRequest request = requests.find(id).orElseThrow(() -> notFound(id));
        record(caller, "RESTRICTIONS_READ", request);
        return restrictions.byRequest(id).stream().map(DefaultPrivacyRequestService::view).toList();
    }

    private static RestrictionView view(ProcessingRestriction r) {
        return new RestrictionView(r.getId(), r.getRequestId(), r.getCustomerId(), r.getRestrictedAt(),
                r.getRestrictedBy(), r.isActive(), r.getLiftedAt(), r.getLiftedBy(), r.getLiftReason());
    }

    @Override
    public Rectified rectify(Caller caller, long id, Rectification input) {
        enforce(caller, String.valueOf(id));
        PrivacyRequest request = requests.findForUpdate(id).orElseThrow(() -> notFound(id));
        request.requireCarriedOutAs(PrivacyRequestType.RECTIFICATION);
        RuleCheck check = new RuleCheck();
        check.require(input.customerId() != null && request.getSubjectCustomerIds().contains(input.customerId()),
                "customerId", "must be one of the request's subject records " + request.getSubjectCustomerIds());
        check.require(input.name() != null || input.email() != null || input.phone() != null
                || input.nationalId() != null, "fields", "give at least one of name, email, phone, nationalId");
        check.throwIfAny();
        Customer customer = customers.find(input.customerId()).orElseThrow(
                () -> new ResourceNotFoundException("customer", input.customerId()));
        Map<String, String> before = personalValues(customer);
        Set<String> changed = customer.rectify(input.name(), input.email(), input.phone(), input.nationalId());
        Map<String, String> after = personalValues(customer);
        List<String> fields = new ArrayList<>();
        for (String field : changed) {
            // before and after as keyed hashes: provable, never readable
            fields.add(field + "=" + digest.of("customer." + field, before.get(field)) + ">"
                    + digest.of("customer." + field, after.get(field)));
        }
        fields.add("request=" + id);
        audit.record(caller, AuditActions.CUSTOMER_RECTIFY, AuditActions.CUSTOMER,
                String.valueOf(customer.getId()), fields, AuditOutcome.SUCCESS);
        record(caller, "RECTIFY", request);
        return new Rectified(id, customer.getId(), List.copyOf(changed));
    }

    private static Map<String, String> personalValues(Customer customer) {
        Map<String, String> values = new HashMap<>();
        values.put("name", customer.getName());
        values.put("email", customer.getEmail());
        values.put("phone", customer.getPhone());
        values.put("nationalId", customer.getNationalId());
        return values;
    }

    private String keyedHash(String identifier) {
        return ErasureReplay.keyedHash(digest, identifier);
    }

    @Override
    public RequestView reject(Caller caller, long id, String reason) {
        return step(caller, id, "REJECT", request -> request.reject(reason, now()));
    }

    @Override
    public RequestView extend(Caller caller, long id, String reason) {
        return step(caller, id, "EXTEND", request -> request.extend(reason, now()));
    }

    @Override
    public RequestView assign(Caller caller, long id, String assignee) {
        return step(caller, id, "ASSIGN", request -> {
            requireHandler(blankToNull(assignee));
            request.assign(assignee, now());
        });
    }

    private RequestView step(Caller caller, long id, String action, Consumer<PrivacyRequest> change) {
        enforce(caller, String.valueOf(id));
        PrivacyRequest request = requests.findForUpdate(id).orElseThrow(() -> notFound(id));
        change.accept(request);
        record(caller, action, request);
        return view(request);
    }

    /** The first active hold covering one of the subject's records or tickets, if any. */
    private Long blockingHold(Set<Long> subjectIds) {
        Set<Long> customerIds = merges.withMerged(subjectIds);
        List<LegalHold> holds = retention.holds(true);
        List<RetentionSubject> tickets = new java.util.ArrayList<>(retention.subjectsOfCustomers(customerIds));
        // #24: erasure destroys these customers' attachment keys, and with them every file encrypted under them,
        // on whichever ticket it is now: a hold on any such ticket blocks the erasure too
        tickets.addAll(retention.subjectsWithAttachmentsOf(customerIds));
        for (LegalHold hold : holds) {
            boolean onCustomer = hold.getScope() == LegalHold.Scope.CUSTOMER
                    && customerIds.contains(hold.getCustomerId());
            if (onCustomer || tickets.stream().anyMatch(hold::covers)) {
                return hold.getId();
            }
        }
        return null;
    }

    /** To the microsecond the database keeps, so an answer shows the same times as a later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void enforce(Caller caller, String resourceId) {
        policy.enforce(caller, Permission.PRIVACY_REQUEST_MANAGE, AuditActions.PRIVACY_REQUEST, resourceId);
    }

    /**
     * A request is assigned only to someone who may work it (#22): an existing, enabled user whose roles allow
     * PRIVACY_REQUEST_MANAGE (requests belong to no region). Null (no assignee) passes.
     */
    private void requireHandler(String username) {
        if (username == null) {
            return;
        }
        new RuleCheck().requireText(username, "assignee", 64).throwIfAny();
        User user = users.findByUsername(username).orElse(null);
        String why = user == null ? "unknown user: nobody has this username here"
                : !user.isEnabled() ? "disabled: the user may not sign in"
                : !policy.allows(new Caller(user.getUsername(), user.getRoles(), user.getRegions(), null, null),
                        Permission.PRIVACY_REQUEST_MANAGE)
                        ? "cannot work subject requests: their roles do not allow PRIVACY_REQUEST_MANAGE" : null;
        if (why != null) {
            throw new DomainRuleViolationException("assignee", "'" + username + "' cannot be assigned this request: "
                    + why);
        }
    }

    /** What happened, never the subject's e-mail or phone: those stay in the register. */
    private void record(Caller caller, String action, PrivacyRequest request) {
        audit.record(caller, AuditActions.PRIVACY_REQUEST + "_" + action, AuditActions.PRIVACY_REQUEST,
                String.valueOf(request.getId()), List.of("type=" + request.getType(),
                        "status=" + request.getStatus(), "subjects=" + request.getSubjectCustomerIds().size()),
                AuditOutcome.SUCCESS);
    }

    private static ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("privacy request", id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private RequestView view(PrivacyRequest r) {
        return new RequestView(r.getId(), r.getType().name(), r.getStatus().name(), r.getSubjectCustomerIds(),
                r.getReceivedAt(), r.getDueAt(), r.isOverdue(now()), r.getExtensionReason(),
                r.getIdentityMethod(), r.getVerifiedBy(), r.getVerifiedAt(), r.getAssignee(), r.getBlockingHoldId(),
                r.getOutcome(), r.getCreatedBy(), r.getUpdatedAt(), r.getVersion(),
                r.getPurposes().stream().map(Enum::name).toList());
    }
}
