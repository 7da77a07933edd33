package org.custodian.application.policy;

import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * Reads and changes the classification catalog and the visibility matrix. Every change makes a new version,
 * keeps a history record (who, when, old, new, reason) and an audit event, and takes effect at the next
 * request (decisions read the policy afresh each time).
 */
public interface PolicyCatalogService {

    List<ClassificationView> classifications(Caller caller);

    ClassificationView classification(Caller caller, String fieldKey);

    /**
     * @param expectedVersion the version the caller last read (If-Match), or null for "whatever is current"
     */
    ClassificationView reclassify(Caller caller, String fieldKey, String classification, String reason,
            Long expectedVersion);

    List<VisibilityCellView> matrix(Caller caller);

    VisibilityCellView changeVisibility(Caller caller, String role, String classification, String visibility,
            String reason, Long expectedVersion);

    /** The latest changes of both kinds, newest first. */
    List<PolicyChangeView> history(Caller caller, int limit);
}
