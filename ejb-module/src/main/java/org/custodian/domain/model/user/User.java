package org.custodian.domain.model.user;

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
import java.util.EnumSet;
import java.util.Set;
import org.custodian.domain.model.customer.Region;

/** A person or service account that signs in; never stores a password, only its PBKDF2 hash. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "User.findByUsername", query = "SELECT u FROM User u WHERE u.username = :username")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 32, nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_region", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "region", length = 8, nullable = false)
    private Set<Region> regions = EnumSet.noneOf(Region.class);

    /** Raised to revoke every token issued before; tokens carry the version they were issued under. */
    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected User() {
        // for JPA
    }

    public User(String username, String displayName, String passwordHash, Set<Role> roles, Set<Region> regions,
            Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.regions = regions.isEmpty() ? EnumSet.noneOf(Region.class) : EnumSet.copyOf(regions);
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public Set<Region> getRegions() {
        return Set.copyOf(regions);
    }

    public int getTokenVersion() {
        return tokenVersion;
    }

    // access reviews (#22): a revoked item takes the role or region away; a dormant account is disabled

    /** Takes a role away; false if the user did not hold it. */
    public boolean removeRole(Role role) {
        return roles.remove(role);
    }

    /** Takes a region away; false if the user did not hold it. */
    public boolean removeRegion(Region region) {
        return regions.remove(region);
    }

    /** Stops the user signing in (their tokens fail too: see TokenRevocationService); false if already disabled. */
    public boolean disable() {
        boolean was = enabled;
        enabled = false;
        return was;
    }
}
