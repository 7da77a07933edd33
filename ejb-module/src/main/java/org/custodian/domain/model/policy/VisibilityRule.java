package org.custodian.domain.model.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.custodian.domain.model.user.Role;

/** One cell of the visibility matrix: what a role sees of fields of one classification. */
@Entity
@Table(name = "visibility_rule")
@NamedQuery(name = "VisibilityRule.findAll", query = "SELECT r FROM VisibilityRule r ORDER BY r.ruleKey")
public class VisibilityRule extends VersionedSetting {

    @Id
    @Column(name = "rule_key", length = 64)
    private String ruleKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Classification classification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Visibility visibility;

    protected VisibilityRule() {
        // for JPA
    }

    public static String keyOf(Role role, Classification classification) {
        return role.name() + ":" + classification.name();
    }

    /** Sets the cell to {@code target}; returns the history record, or null when nothing changes. */
    public PolicyChange change(Visibility target, String reason, String actor, Instant now) {
        PolicyChange change = nextVersion(PolicyChange.Kind.VISIBILITY, ruleKey, visibility, target, reason, actor,
                now);
        if (change != null) {
            visibility = target;
        }
        return change;
    }

    public String getRuleKey() {
        return ruleKey;
    }

    public Role getRole() {
        return role;
    }

    public Classification getClassification() {
        return classification;
    }

    public Visibility getVisibility() {
        return visibility;
    }
}
