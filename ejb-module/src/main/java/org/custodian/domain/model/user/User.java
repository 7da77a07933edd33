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
@NamedQuery(name = "User.findByIdentity",
        query = "SELECT u FROM User u WHERE u.identityIssuer = :issuer AND u.identitySubject = :subject")
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

    @Column(length = 254)
    private String email;

    /** An IANA time zone id; what the portal shows times in. */
    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone = "UTC";

    @Column(nullable = false, length = 8)
    private String locale = "en";

    @Column(name = "disabled_reason", length = 500)
    private String disabledReason;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "created_by", length = 64)
    private String createdBy;

    @Column(name = "changed_by", length = 64)
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    /** The identity provider that vouches for this user (its issuer) and who they are there (its subject). */
    @Column(name = "identity_issuer", length = 512)
    private String identityIssuer;

    @Column(name = "identity_subject", length = 255)
    private String identitySubject;

    /** Created just in time for the identity provider: roles and regions follow its groups, no password here. */
    @Column(name = "identity_managed", nullable = false)
    private boolean identityManaged;

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

    /**
     * A user an administrator creates: no usable password until they accept an invitation (the stored value is no
     * PBKDF2 hash, so no password matches it). Roles needing a second person's approval are not given here.
     */
    public static User created(String username, String displayName, String email, Set<Role> roles,
            Set<Region> regions, String timeZone, String locale, String by, Instant now) {
        User user = new User(username, displayName, NO_PASSWORD, roles, regions, now);
        user.email = email;
        user.timeZone = timeZone;
        user.locale = locale;
        user.createdBy = by;
        user.changed(by, now);
        return user;
    }

    /** What {@code password_hash} holds until the user sets a password, and for users the identity provider
     *  manages: not a PBKDF2 hash, so no password ever matches it. */
    public static final String NO_PASSWORD = "!none";

    public boolean hasPassword() {
        return passwordHash != null && !NO_PASSWORD.equals(passwordHash);
    }

    public void setPasswordHash(String hash, String by, Instant now) {
        this.passwordHash = hash;
        changed(by, now);
    }

    public void changeProfile(String displayName, String email, String timeZone, String locale, String by,
            Instant now) {
        this.displayName = displayName;
        this.email = email;
        this.timeZone = timeZone;
        this.locale = locale;
        changed(by, now);
    }

    public void changeAccess(Set<Role> newRoles, Set<Region> newRegions, String by, Instant now) {
        this.roles = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
        this.regions = newRegions.isEmpty() ? EnumSet.noneOf(Region.class) : EnumSet.copyOf(newRegions);
        changed(by, now);
    }

    public void disable(String reason, String by, Instant now) {
        this.enabled = false;
        this.disabledReason = reason;
        this.disabledAt = now;
        changed(by, now);
    }

    public void enable(String by, Instant now) {
        this.enabled = true;
        this.disabledReason = null;
        this.disabledAt = null;
        changed(by, now);
    }

    public void signedIn(Instant now) {
        this.lastSignInAt = now;
    }

    private void changed(String by, Instant now) {
        this.changedBy = by;
        this.changedAt = now;
    }

    public String getEmail() {
        return email;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getLocale() {
        return locale;
    }

    public String getDisabledReason() {
        return disabledReason;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
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

    /** Takes a role away (an access review's revocation); false if the user did not hold it. */
    public boolean removeRole(Role role, String by, Instant now) {
        boolean held = roles.remove(role);
        if (held) {
            changed(by, now);
        }
        return held;
    }

    /** Takes a region away (an access review's revocation); false if the user did not hold it. */
    public boolean removeRegion(Region region, String by, Instant now) {
        boolean held = regions.remove(region);
        if (held) {
            changed(by, now);
        }
        return held;
    }

    /** A user the identity provider vouched for, created at their first sign-in (just-in-time provisioning). */
    public static User provisioned(String username, String displayName, Set<Role> roles, Set<Region> regions,
            String issuer, String subject, Instant now) {
        User user = new User(username, displayName, NO_PASSWORD, roles, regions, now);
        user.identityIssuer = issuer;
        user.identitySubject = subject;
        user.identityManaged = true;
        return user;
    }

    /** Links a pre-provisioned user to their identity at the identity provider, once, at their first IdP sign-in. */
    public void linkIdentity(String issuer, String subject) {
        if (identityIssuer != null) {
            throw new IllegalStateException("user " + username + " is already linked to " + identityIssuer);
        }
        this.identityIssuer = issuer;
        this.identitySubject = subject;
    }

    /** Replaces the roles and regions of an identity-managed user with what their IdP groups grant now. */
    public void applyIdentityProviderGrants(Set<Role> newRoles, Set<Region> newRegions) {
        if (!identityManaged) {
            throw new IllegalStateException("user " + username + " is not managed by the identity provider");
        }
        this.roles = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
        this.regions = newRegions.isEmpty() ? EnumSet.noneOf(Region.class) : EnumSet.copyOf(newRegions);
    }

    public String getIdentityIssuer() {
        return identityIssuer;
    }

    public String getIdentitySubject() {
        return identitySubject;
    }

    public boolean isIdentityManaged() {
        return identityManaged;
    }
}
