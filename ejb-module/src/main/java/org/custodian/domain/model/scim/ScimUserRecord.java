package org.custodian.domain.model.scim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The SCIM side of a user (its SCIM id is the user's id): the attributes the IdP sent that {@code app_user} has no
 * column for, and whether the IdP deleted it. A user without a record was never written by SCIM; it is shown all
 * the same (an IdP matching its users by {@code userName} must find existing ones rather than fail to create them).
 */
@Entity
@Table(name = "scim_user")
@NamedQuery(name = "ScimUserRecord.findByExternalId",
        query = "SELECT r FROM ScimUserRecord r WHERE r.externalId = :externalId")
public class ScimUserRecord {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "external_id", length = 255)
    private String externalId;

    @Column(name = "given_name", length = 200)
    private String givenName;

    @Column(name = "family_name", length = 200)
    private String familyName;

    @Column(name = "formatted_name", length = 200)
    private String formattedName;

    @Column(name = "email_type", length = 32)
    private String emailType;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    /** When the IdP deleted the user: disabled here, and 404 to SCIM from then on. */
    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected ScimUserRecord() {
        // for JPA
    }

    public ScimUserRecord(long userId, Instant now) {
        this.userId = userId;
        this.createdAt = now;
        this.changedAt = now;
    }

    /** Replaces the attributes; true when any of them changed. */
    public boolean set(String externalId, String givenName, String familyName, String formattedName,
            String emailType, Instant now) {
        boolean changed = !same(this.externalId, externalId) || !same(this.givenName, givenName)
                || !same(this.familyName, familyName) || !same(this.formattedName, formattedName)
                || !same(this.emailType, emailType);
        if (changed) {
            this.externalId = externalId;
            this.givenName = givenName;
            this.familyName = familyName;
            this.formattedName = formattedName;
            this.emailType = emailType;
            this.changedAt = now;
        }
        return changed;
    }

    public void delete(Instant now) {
        deletedAt = now;
        changedAt = now;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    public Long getUserId() {
        return userId;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getFormattedName() {
        return formattedName;
    }

    public String getEmailType() {
        return emailType;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
