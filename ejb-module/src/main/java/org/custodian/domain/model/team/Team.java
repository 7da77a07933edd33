package org.custodian.domain.model.team;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.custodian.domain.shared.ChangeTracked;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.DisplayName;
import org.custodian.domain.shared.RuleCheck;

/**
 * A group of users who work tickets in one region ("EU Network", region EU). Its key is the stable name the API,
 * the queue filter ({@code assignee=team:<key>}) and the IdP's group mapping use; it never changes.
 */
@Entity
@Table(name = "team")
@NamedQuery(name = "Team.findByKey", query = "SELECT t FROM Team t WHERE t.key = :key")
@NamedQuery(name = "Team.findAll", query = "SELECT t FROM Team t ORDER BY t.key")
@NamedQuery(name = "Team.findByMember",
        query = "SELECT DISTINCT t FROM Team t JOIN t.members m WHERE m = :username ORDER BY t.key")
public class Team extends ChangeTracked {

    /** Lower-case letters, digits and inner hyphens, 2-40 characters: safe in a URL path and a query value. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}[a-z0-9]");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_seq")
    @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
    private Long id;

    @Column(name = "team_key", nullable = false, unique = true, length = 40)
    private String key;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Region region;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_member", joinColumns = @JoinColumn(name = "team_id"))
    @Column(name = "username", length = 64, nullable = false)
    private Set<String> members = new TreeSet<>();

    protected Team() {
        // for JPA
    }

    public Team(String key, String name, Region region, Instant now) {
        super(now);
        RuleCheck check = new RuleCheck()
                .require(key != null && KEY.matcher(key).matches(), "key",
                        "must be 2-40 lower-case letters, digits or inner hyphens, e.g. eu-network")
                .requireText(name, "name", 200)
                .require(region != null, "region", "is required: the region whose tickets the team works");
        check.throwIfAny();
        this.key = key;
        this.name = name.trim();
        this.region = region;
    }

    /** Renames the team; true if the name changed. */
    public boolean rename(String newName, Instant now) {
        return DisplayName.rename(name, newName, changed -> {
            name = changed;
            changed(now);
        });
    }

    /** Moves the team to another region (the caller checked that every member works there); true if it moved. */
    public boolean moveTo(Region newRegion, Instant now) {
        new RuleCheck().require(newRegion != null, "region", "is required").throwIfAny();
        if (newRegion == region) {
            return false;
        }
        region = newRegion;
        changed(now);
        return true;
    }

    /** Adds a member (the caller checked they may be one); true if they were not one already. */
    public boolean add(String username, Instant now) {
        boolean added = members.add(username);
        if (added) {
            changed(now);
        }
        return added;
    }

    /** Removes a member; true if they were one. */
    public boolean remove(String username, Instant now) {
        boolean removed = members.remove(username);
        if (removed) {
            changed(now);
        }
        return removed;
    }

    public boolean hasMember(String username) {
        return members.contains(username);
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public Region getRegion() {
        return region;
    }

    /** The members' usernames in alphabetical order. */
    public Set<String> getMembers() {
        return new TreeSet<>(members);
    }
}
