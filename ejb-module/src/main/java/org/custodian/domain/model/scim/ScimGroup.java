package org.custodian.domain.model.scim;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.custodian.domain.shared.ChangeTracked;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A group as the identity provider's SCIM client keeps it: a name (what the group mapping names) and members. */
@Entity
@Table(name = "scim_group")
@NamedQuery(name = "ScimGroup.findAll", query = "SELECT g FROM ScimGroup g ORDER BY g.createdAt, g.id")
@NamedQuery(name = "ScimGroup.findByName",
        query = "SELECT g FROM ScimGroup g WHERE LOWER(g.displayName) = LOWER(:name)")
@NamedQuery(name = "ScimGroup.findByMember",
        query = "SELECT DISTINCT g FROM ScimGroup g JOIN g.members m WHERE m = :userId")
public class ScimGroup extends ChangeTracked {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "external_id", length = 255)
    private String externalId;

    /** The SCIM ids (user ids) of the members. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "scim_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "user_id", nullable = false)
    private Set<Long> members = new TreeSet<>();

    protected ScimGroup() {
        // for JPA
    }

    public ScimGroup(String displayName, String externalId, Instant now) {
        super(now);
        this.id = UUID.randomUUID().toString();
        this.displayName = displayName;
        this.externalId = externalId;
    }

    /** Replaces name, externalId and members; true when anything changed. */
    public boolean replace(String newName, String newExternalId, Collection<Long> newMembers, Instant now) {
        Set<Long> wanted = new TreeSet<>(newMembers);
        boolean changed = !displayName.equals(newName) || !same(externalId, newExternalId) || !members.equals(wanted);
        if (changed) {
            displayName = newName;
            externalId = newExternalId;
            members.clear();
            members.addAll(wanted);
            changed(now);
        }
        return changed;
    }

    public boolean removeMember(long userId, Instant now) {
        boolean removed = members.remove(userId);
        if (removed) {
            changed(now);
        }
        return removed;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    public String getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getExternalId() {
        return externalId;
    }

    public Set<Long> getMembers() {
        return Set.copyOf(members);
    }
}
