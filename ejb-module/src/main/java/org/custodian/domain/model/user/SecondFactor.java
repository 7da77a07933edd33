package org.custodian.domain.model.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A user's TOTP second factor: the sealed secret, whether enrollment was confirmed with a first code, the last
 * time step used (so no code is accepted twice) and the keyed hashes of the unused recovery codes.
 */
@Entity
@Table(name = "user_second_factor")
public class SecondFactor {

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "sealed_secret", nullable = false, length = 200)
    private String sealedSecret;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_used_step", nullable = false)
    private long lastUsedStep;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_recovery_code", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "code_hash", length = 64, nullable = false)
    private Set<String> recoveryCodeHashes = new HashSet<>();

    protected SecondFactor() {
        // for JPA
    }

    public SecondFactor(String username, String sealedSecret, Instant now) {
        this.username = username;
        this.sealedSecret = sealedSecret;
        this.createdAt = now;
    }

    public String getUsername() {
        return username;
    }

    public String getSealedSecret() {
        return sealedSecret;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public long getLastUsedStep() {
        return lastUsedStep;
    }

    public int unusedRecoveryCodes() {
        return recoveryCodeHashes.size();
    }

    /** A new secret for an enrollment not yet confirmed (a confirmed factor is never silently replaced). */
    public void restartEnrollment(String sealedSecret, Instant now) {
        if (isConfirmed()) {
            throw new IllegalStateException("a confirmed second factor cannot be re-enrolled this way");
        }
        this.sealedSecret = sealedSecret;
        this.createdAt = now;
        this.lastUsedStep = 0;
    }

    public void confirm(long step, Set<String> codeHashes, Instant now) {
        this.confirmedAt = now;
        this.lastUsedStep = step;
        this.recoveryCodeHashes.clear();
        this.recoveryCodeHashes.addAll(codeHashes);
    }

    /** Records a code as used; false if its step is not newer than the last one used (a replay). */
    public boolean useStep(long step) {
        if (step <= lastUsedStep) {
            return false;
        }
        lastUsedStep = step;
        return true;
    }

    /** Consumes a recovery code; false if it is not one of the unused ones. */
    public boolean useRecoveryCode(String codeHash) {
        return recoveryCodeHashes.remove(codeHash);
    }
}
