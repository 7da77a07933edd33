package org.custodian.application.policy;

import java.util.EnumMap;
import java.util.Map;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.FieldPolicy;
import org.custodian.domain.model.policy.Visibility;

/**
 * An allowed access: on what basis, and what the caller sees of each classification. {@link #show} turns a
 * record's values into the output this decision permits.
 *
 * @param basisId the id of the transfer rule, grant or override the access rests on, or null
 * @param region the region of the record decided on (reported in access reports), or null
 */
public record Decision(Basis basis, Long basisId, Map<Classification, Visibility> visibilities, FieldPolicy policy,
        Region region) {

    public Decision {
        visibilities = Map.copyOf(new EnumMap<>(visibilities));
    }

    /** A decision not tied to one record's region. */
    public Decision(Basis basis, Long basisId, Map<Classification, Visibility> visibilities, FieldPolicy policy) {
        this(basis, basisId, visibilities, policy, null);
    }

    public Visibility visibilityOf(String entity, String field) {
        return visibilities.get(policy.field(entity, field).classification());
    }

    /** The audit trail's note of the basis, e.g. {@code basis=GRANT#12}. */
    public String basisEntry() {
        return "basis=" + basis + (basisId == null ? "" : "#" + basisId);
    }

    public Shown show(String entity) {
        return new Shown(this, entity);
    }
}
