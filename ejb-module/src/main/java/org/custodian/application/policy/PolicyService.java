package org.custodian.application.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;

/**
 * The one place that decides who may do what with which data, and what of it they see. Every service asks it;
 * nothing returns data without a {@link Decision} from it.
 */
public interface PolicyService {

    /** Whether the caller's roles allow the operation at all (for contractors: given a covering grant). */
    boolean allows(Caller caller, Permission permission);

    /** The roles that may attempt the operation (access reviews list who holds backup privileges from this). */
    Set<Role> rolesGranted(Permission permission);

    /**
     * Whether the caller may see what the permission covers in that region: the roles that work tickets (agents,
     * engineers, supervisors, contractors) see their own regions only; operators, privacy officers and auditors
     * are not bound to a region, and only they see what belongs to no region ({@code region} null). For lists
     * whose entries belong to a region (alerts by their ticket's region).
     */
    boolean allowsIn(Caller caller, Permission permission, Region region);

    /**
     * Allows an operation that is not about one record's data (jobs, audit verification, policy management),
     * or records a DENIED audit event and throws {@link org.custodian.application.shared.AccessDeniedException}.
     */
    void enforce(Caller caller, Permission permission, String resourceType, String resourceId);

    /** Reads what this request's decisions depend on (policy, transfer rules, the caller's grants, overrides). */
    AccessContext contextFor(Caller caller);

    /**
     * Decides on one record: returns what the caller sees of it, or records a DENIED audit event and throws
     * {@link org.custodian.application.shared.AccessDeniedException} — or, for a record the caller may not even
     * know of (a SECURITY ticket), {@link org.custodian.application.shared.ResourceNotFoundException}.
     */
    Decision authorize(AccessContext context, Permission permission, ResourceScope scope);

    /**
     * Refuses (422 naming the field) a change of a field from {@code current} (null: a new record) to
     * {@code value} that only the system makes: the ticket {@code category} SECURITY of alert tickets (neither
     * set by a caller nor taken away) and customer {@code externalId}s starting {@code SECURITY-} (the regions'
     * security offices).
     */
    void rejectReserved(String entity, String field, String current, String value);

    /**
     * Decides whether the caller may reveal these fields of one record (#23): the record must be readable by them
     * ({@link #authorize}, refusing as it does) and each field's classification REVEALABLE for their roles. A field
     * they see masked only, or not at all, is refused (DENIED event, 403 naming it in plain words); a field they
     * already see in full is a 422 (nothing to reveal).
     *
     * @param fieldKeys qualified keys ({@code customer.phone}) of fields of the scope's entity
     * @return the decision on the record (its visibilities as the matrix has them)
     */
    Decision authorizeReveal(AccessContext context, ResourceScope scope, List<String> fieldKeys);

    /** The areas a search may cover; empty when the caller may search nothing (then nothing is found). */
    List<AccessContext.SearchArea> searchAreas(AccessContext context, Permission permission, Region requested);

    /**
     * Whether other users (people the caller wants to assign work to, never the caller's own access) may do this
     * with the record, decided for each exactly as {@link #authorize} would decide for them, from their roles,
     * regions and active grants (their break-glass overrides do not count: those open one ticket to one reader).
     * Records nothing: nobody attempted anything.
     *
     * @return the users refused, each with why in words about them; a user not in the map may
     */
    Map<String, String> refusalsFor(List<Caller> users, Permission permission, ResourceScope scope);

    /**
     * What another user (the recipient of a notification, #24) would be shown of the record, decided as
     * {@link #refusalsFor} decides (roles, regions, active grants; no break-glass). Records nothing.
     *
     * @return empty when the user may not do this with the record at all
     */
    java.util.Optional<Decision> decisionFor(Caller user, Permission permission, ResourceScope scope);
}
