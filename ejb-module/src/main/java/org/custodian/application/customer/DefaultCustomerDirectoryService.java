package org.custodian.application.customer;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.audit.FieldDigest;
import org.custodian.application.audit.ReadAudit;
import org.custodian.application.policy.AccessContext;
import org.custodian.application.policy.Decision;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.policy.ResourceScope;
import org.custodian.application.policy.Shown;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.PageResult;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.application.webhook.WebhookEvents;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.customer.CustomerSearch;
import org.custodian.domain.model.customer.CustomerSearch.Match;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultCustomerDirectoryService implements CustomerDirectoryService {

    /** The fields a directory text matches, in the order an audit event names them. */
    private static final List<String> SEARCHED = List.of("name", "email", "phone");

    @EJB
    private PolicyService policy;

    /** #24: the outbox of webhooks, written in this transaction. */
    @EJB
    private WebhookEvents webhookEvents;

    @EJB
    private AuditService audit;

    @EJB
    private CustomerService customers;

    @Inject
    private CustomerRepository repository;

    @Inject
    private FieldDigest digest;

    @Override
    public PageResult<CustomerView> search(Caller caller, CustomerQuery query) {
        policy.enforce(caller, Permission.CUSTOMER_READ, AuditActions.CUSTOMER, null);
        RuleCheck check = new RuleCheck()
                .require(query.page() >= 0, "page", "must be 0 or more (pages count from 0)")
                .require(query.size() >= 1 && query.size() <= CustomerQuery.MAX_SIZE, "size",
                        "must be between 1 and " + CustomerQuery.MAX_SIZE)
                .require((long) query.page() * Math.max(1, query.size()) <= Integer.MAX_VALUE, "page",
                        "is beyond any result for this page size")
                .optionalText(query.text(), "q", 200)
                .require(query.text() == null || query.text().isBlank()
                        || query.text().trim().length() >= CustomerSearch.MIN_TEXT, "q", "must have at least "
                        + CustomerSearch.MIN_TEXT + " characters (a shorter fragment would scan every customer)");
        Region region = Inputs.enumValue(Region.class, query.region(), "region", false, check);
        check.throwIfAny();
        String text = Inputs.blankToNull(query.text());

        AccessContext context = policy.contextFor(caller);
        List<CustomerSearch.Area> areas = new ArrayList<>();
        boolean namesVisible = true;
        for (AccessContext.SearchArea area : policy.searchAreas(context, Permission.CUSTOMER_READ, region)) {
            Decision decision = area.decision();
            namesVisible &= decision.visibilityOf(CustomerView.ENTITY, "name") == Visibility.FULL;
            areas.add(new CustomerSearch.Area(area.regions(), match(decision, "name"), match(decision, "email"),
                    match(decision, "phone")));
        }
        // an order by name would reveal something of names the caller sees only masked: then by customer number
        CustomerSearch.Order order = namesVisible ? CustomerSearch.Order.NAME : CustomerSearch.Order.ID;
        CustomerSearch search = new CustomerSearch(text, areas, context.hiddenCustomers(), order, query.page(),
                query.size());
        CustomerRepository.Page found = repository.search(search);

        List<Shown> shown = new ArrayList<>();
        Map<Long, List<String>> lookups = new LinkedHashMap<>();
        for (Customer customer : found.items()) {
            Decision decision = policy.authorize(context, Permission.CUSTOMER_READ, ResourceScope.of(customer));
            shown.add(CustomerView.show(decision, customer));
            List<String> exact = maskedMatches(decision, customer, search);
            if (!exact.isEmpty()) {
                lookups.put(customer.getId(), exact);
            }
        }
        String ids = found.items().stream().map(customer -> String.valueOf(customer.getId()))
                .collect(Collectors.joining(","));
        ReadAudit.record(audit, caller, AuditActions.CUSTOMER_SEARCH, AuditActions.CUSTOMER,
                ids.isEmpty() ? null : ids, shown);
        recordLookups(caller, lookups);
        List<CustomerView> items = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            items.add(new CustomerView(found.items().get(i).getId(), shown.get(i).body()));
        }
        return new PageResult<>(items, query.page(), query.size(), found.total());
    }

    @Override
    public Registration register(Caller caller, NewCustomer input, boolean allowDuplicate) {
        if (!allowDuplicate && policy.allows(caller, Permission.CUSTOMER_READ)) {
            List<Registration.Duplicate> duplicates = duplicatesOf(caller, input, null);
            if (!duplicates.isEmpty()) {
                return new Registration(null, duplicates);
            }
        }
        return new Registration(customers.register(caller, input), List.of());
    }

    /**
     * Existing customers with the e-mail address or phone number given, among those the caller may look up by that
     * field (where it is hidden from them, a duplicate there is not theirs to learn of).
     */
    private List<Registration.Duplicate> duplicatesOf(Caller caller, NewCustomer input, Long except) {
        String email = Inputs.blankToNull(input.email());
        String phone = Inputs.blankToNull(input.phone());
        if (email == null && Customer.phoneDigits(phone).length() < 6) {
            return List.of();
        }
        AccessContext context = policy.contextFor(caller);
        List<AccessContext.SearchArea> searchAreas = policy.searchAreas(context, Permission.CUSTOMER_READ, null);
        Map<Long, Customer> found = new LinkedHashMap<>();
        Map<Long, List<String>> matched = new LinkedHashMap<>();
        for (String field : List.of("email", "phone")) {
            String value = "email".equals(field) ? email : phone;
            if (value == null) {
                continue;
            }
            List<CustomerSearch.Area> areas = new ArrayList<>();
            for (AccessContext.SearchArea area : searchAreas) {
                Match match = match(area.decision(), field) == Match.NONE ? Match.NONE : Match.EXACT;
                areas.add(new CustomerSearch.Area(area.regions(), Match.NONE,
                        "email".equals(field) ? match : Match.NONE, "phone".equals(field) ? match : Match.NONE));
            }
            for (Customer customer : repository.search(new CustomerSearch(value, areas, context.hiddenCustomers(),
                    CustomerSearch.Order.ID, 0, 5)).items()) {
                if (except != null && except.equals(customer.getId())) {
                    continue; // the record being changed is no duplicate of itself
                }
                found.putIfAbsent(customer.getId(), customer);
                matched.computeIfAbsent(customer.getId(), id -> new ArrayList<>()).add(field);
            }
        }
        List<Registration.Duplicate> duplicates = new ArrayList<>();
        List<Shown> shown = new ArrayList<>();
        for (Customer customer : found.values()) {
            Shown one = CustomerView.show(policy.authorize(context, Permission.CUSTOMER_READ,
                    ResourceScope.of(customer)), customer);
            shown.add(one);
            duplicates.add(new Registration.Duplicate(customer.getId(), matched.get(customer.getId()), one.body()));
        }
        if (!found.isEmpty()) {
            String ids = found.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
            ReadAudit.record(audit, caller, AuditActions.CUSTOMER_READ, AuditActions.CUSTOMER, ids, shown);
            recordLookups(caller, matched);
        }
        return duplicates;
    }

    @Override
    public CustomerView revise(Caller caller, long id, CustomerChanges changes, Long expectedVersion) {
        return revise(caller, id, changes, expectedVersion, true).revised();
    }

    @Override
    public CustomerRevision revise(Caller caller, long id, CustomerChanges changes, Long expectedVersion,
            boolean allowDuplicate) {
        policy.enforce(caller, Permission.CUSTOMER_WRITE, AuditActions.CUSTOMER, String.valueOf(id));
        AccessContext context = policy.contextFor(caller);
        Customer customer = repository.findForUpdate(id).orElse(null);
        if (customer == null) {
            audit.record(caller, AuditActions.CUSTOMER_UPDATE, AuditActions.CUSTOMER, String.valueOf(id), null,
                    AuditOutcome.FAILURE);
            throw new ResourceNotFoundException("customer", id);
        }
        Decision decision = policy.authorize(context, Permission.CUSTOMER_WRITE, ResourceScope.of(customer));
        if (customer.isTombstone()) {
            throw new ConflictException("customer " + id + " was merged into customer " + customer.getMergedInto()
                    + "; change that record instead");
        }
        StaleVersionException.check("customer " + id, expectedVersion, customer.getVersion());
        RuleCheck check = new RuleCheck().require(!changes.values().isEmpty(), "body",
                "name at least one field to change: " + CustomerChanges.PATCHABLE);
        for (String field : changes.values().keySet()) {
            check.require(CustomerChanges.PATCHABLE.contains(field), field,
                    "cannot be changed; patchable fields are " + CustomerChanges.PATCHABLE);
        }
        for (String field : CustomerChanges.PATCHABLE) {
            // a value one does not see is not one to overwrite blindly (a privacy officer rectifies it)
            check.require(!changes.has(field) || decision.visibilityOf(CustomerView.ENTITY, field) != Visibility.HIDDEN,
                    field, "is not shown to you, so you cannot change it; a privacy officer can correct it");
        }
        check.require(!changes.has("name") || changes.get("name") != null, "name", "cannot be removed");
        check.throwIfAny();
        if (!allowDuplicate && policy.allows(caller, Permission.CUSTOMER_READ)) {
            List<Registration.Duplicate> duplicates = duplicatesOf(caller, new NewCustomer(null, null,
                    newValue(changes, "email", customer.getEmail()), newValue(changes, "phone", customer.getPhone()),
                    null, null), customer.getId());
            if (!duplicates.isEmpty()) {
                return new CustomerRevision(null, duplicates);
            }
        }
        Map<String, String> before = personalValues(customer);
        Set<String> changed = customer.rectify(changes.get("name"), clearable(changes, "email"),
                clearable(changes, "phone"), clearable(changes, "nationalId"));
        Map<String, String> after = personalValues(customer);
        if (!changed.isEmpty()) {
            List<String> entries = new ArrayList<>();
            entries.add(decision.basisEntry());
            for (String field : changed) {
                entries.add(field + "=" + hashOrNone(field, before.get(field)) + "->"
                        + hashOrNone(field, after.get(field)));
            }
            audit.record(caller, AuditActions.CUSTOMER_UPDATE, AuditActions.CUSTOMER, String.valueOf(id), entries,
                    AuditOutcome.SUCCESS);
            repository.flush();
            webhookEvents.customerChanged(WebhookEvents.CUSTOMER_UPDATED, customer);
        }
        return new CustomerRevision(new CustomerView(customer.getId(), CustomerView.show(decision, customer).body()),
                List.of());
    }

    /** The value a change sets where it differs from the current one (same normalisation as the look-up). */
    private static String newValue(CustomerChanges changes, String field, String current) {
        String value = changes.has(field) ? Inputs.blankToNull(changes.get(field)) : null;
        if (value == null || current == null) {
            return value;
        }
        boolean same = "email".equals(field) ? Customer.emailKey(value).equals(Customer.emailKey(current))
                : Customer.phoneDigits(value).equals(Customer.phoneDigits(current));
        return same ? null : value;
    }

    @Override
    public CustomerEditing editing(Caller caller, long id) {
        if (!policy.allows(caller, Permission.CUSTOMER_WRITE) || !policy.allows(caller, Permission.CUSTOMER_READ)) {
            return CustomerEditing.NONE;
        }
        Customer customer = repository.find(id).orElse(null);
        if (customer == null || customer.isTombstone()
                || !policy.allowsIn(caller, Permission.CUSTOMER_WRITE, customer.getRegion())) {
            return CustomerEditing.NONE;
        }
        AccessContext context = policy.contextFor(caller);
        Decision write = policy.authorize(context, Permission.CUSTOMER_WRITE, ResourceScope.of(customer));
        Decision read = policy.authorize(context, Permission.CUSTOMER_READ, ResourceScope.of(customer));
        List<String> changeable = new ArrayList<>();
        List<String> inFull = new ArrayList<>();
        for (String field : List.of("name", "email", "phone", "nationalId")) {
            // as revise decides: a field hidden from the caller is not theirs to change
            if (write.visibilityOf(CustomerView.ENTITY, field) == Visibility.HIDDEN
                    || read.shownOf(CustomerView.ENTITY, field) == Visibility.HIDDEN) {
                continue;
            }
            changeable.add(field);
            if (read.shownOf(CustomerView.ENTITY, field) == Visibility.FULL) {
                inFull.add(field);
            }
        }
        return new CustomerEditing(changeable, inFull);
    }

    @Override
    public CustomerView summary(Caller caller, long id) {
        policy.enforce(caller, Permission.CUSTOMER_READ, AuditActions.CUSTOMER, String.valueOf(id));
        Customer customer = repository.find(id).orElseThrow(() -> new ResourceNotFoundException("customer", id));
        Decision decision = policy.authorize(policy.contextFor(caller), Permission.CUSTOMER_READ,
                ResourceScope.of(customer));
        Shown shown = decision.show(CustomerView.ENTITY).structural("id", customer.getId())
                .field("name", customer.getName());
        ReadAudit.record(audit, caller, AuditActions.CUSTOMER_READ, AuditActions.CUSTOMER, String.valueOf(id), shown);
        return new CustomerView(customer.getId(), shown.body());
    }

    /** A fragment where the caller sees the field in full, the whole value where masked, nothing where hidden. */
    private static Match match(Decision decision, String field) {
        return switch (decision.visibilityOf(CustomerView.ENTITY, field)) {
            case FULL -> Match.CONTAINS;
            // a revealable field is masked in a search: a reveal never makes a hidden part searchable
            case MASKED, REVEALABLE -> Match.EXACT;
            case HIDDEN -> Match.NONE;
        };
    }

    /** The fields the caller sees masked that this customer was found by (the whole value they were given). */
    private static List<String> maskedMatches(Decision decision, Customer customer, CustomerSearch search) {
        List<String> fields = new ArrayList<>();
        String text = search.text();
        if (text == null) {
            return fields;
        }
        for (String field : SEARCHED) {
            Visibility visibility = decision.visibilityOf(CustomerView.ENTITY, field);
            if (visibility != Visibility.MASKED && visibility != Visibility.REVEALABLE) {
                continue;
            }
            boolean equal = switch (field) {
                case "name" -> Customer.nameKey(text).equals(Customer.nameKey(customer.getName()));
                case "email" -> customer.getEmail() != null
                        && Customer.emailKey(text).equals(Customer.emailKey(customer.getEmail()));
                default -> customer.getPhone() != null && search.phoneLike()
                        && Customer.phoneDigits(text).equals(Customer.phoneDigits(customer.getPhone()));
            };
            if (equal) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** One event per customer found by a value the caller sees masked: which field, never the value. */
    private void recordLookups(Caller caller, Map<Long, List<String>> lookups) {
        lookups.forEach((id, fields) -> audit.record(caller, AuditActions.CUSTOMER_LOOKUP, AuditActions.CUSTOMER,
                String.valueOf(id), fields.stream().map(field -> "by=" + field).toList(), AuditOutcome.SUCCESS));
    }

    /** Merge-patch null clears an optional field; Customer.rectify clears on an empty value. */
    private static String clearable(CustomerChanges changes, String field) {
        if (!changes.has(field)) {
            return null;
        }
        return changes.get(field) == null ? "" : changes.get(field);
    }

    private static Map<String, String> personalValues(Customer customer) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", customer.getName());
        values.put("email", customer.getEmail());
        values.put("phone", customer.getPhone());
        values.put("nationalId", customer.getNationalId());
        return values;
    }

    private String hashOrNone(String field, String value) {
        return value == null ? "none" : digest.of("customer." + field, value);
    }
}
