package org.custodian.application.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
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
 * @param revealed qualified field keys ({@code customer.phone}) this caller revealed on this record and may see in
 *        full while their grant lasts, where the matrix says REVEALABLE (#23)
 */
public record Decision(Basis basis, Long basisId, Map<Classification, Visibility> visibilities, FieldPolicy policy,
        Region region, Set<String> revealed) {

    public Decision {
        visibilities = Map.copyOf(new EnumMap<>(visibilities));
        revealed = Set.copyOf(revealed);
    }

    /** A decision on a record with nothing revealed on it. */
    public Decision(Basis basis, Long basisId, Map<Classification, Visibility> visibilities, FieldPolicy policy,
            Region region) {
        this(basis, basisId, visibilities, policy, region, Set.of());
    }

    /** A decision not tied to one record's region. */
    public Decision(Basis basis, Long basisId, Map<Classification, Visibility> visibilities, FieldPolicy policy) {
        this(basis, basisId, visibilities, policy, null);
    }

    /** What the matrix lets the caller see of the field's classification (REVEALABLE: masked until revealed). */
    public Visibility visibilityOf(String entity, String field) {
        return visibilities.get(policy.field(entity, field).classification());
    }

    /**
     * What the caller is shown of the field on this record: REVEALABLE becomes FULL for a field they revealed here
     * (and their grant is in force), MASKED otherwise. The one place a reveal takes effect.
     */
    public Visibility shownOf(String entity, String field) {
        Visibility visibility = visibilityOf(entity, field);
        if (visibility != Visibility.REVEALABLE) {
            return visibility;
        }
        return revealed.contains(entity + "." + field) ? Visibility.FULL : Visibility.MASKED;
    }

    /** The audit trail's note of the basis, e.g. {@code basis=GRANT#12}. */
    public String basisEntry() {
        return "basis=" + basis + (basisId == null ? "" : "#" + basisId);
    }

    public Shown show(String entity) {
        return new Shown(this, entity);
    }
}
