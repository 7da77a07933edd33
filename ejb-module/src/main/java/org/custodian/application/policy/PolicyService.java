package org.custodian.application.policy;

import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;

/**
 * The one place that decides who may do what with which data. Every service asks it; nothing
 * returns data without it.
 */
public interface PolicyService {

    /** Whether the caller's roles allow the operation at all (regardless of region). */
    boolean allows(Caller caller, Permission permission);

    /**
     * Allows the operation on a resource in {@code region}, or records a DENIED audit event and
     * throws {@link org.custodian.application.shared.AccessDeniedException}.
     *
     * @param region the resource's region, or null for operations not bound to a region
     */
    void enforce(Caller caller, Permission permission, Region region, String resourceType, String resourceId);

    /** The regions whose data the caller may read (used to narrow searches before they run). */
    Set<Region> readableRegions(Caller caller);
}
