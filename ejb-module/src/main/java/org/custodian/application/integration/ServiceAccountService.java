package org.custodian.application.integration;

import java.time.Instant;
import java.util.List;
import org.custodian.application.shared.Caller;

/** Service accounts and their keys, for holders of SERVICE_ACCOUNT_MANAGE (user administrators, operators). */
public interface ServiceAccountService {

    /**
     * @param rateLimit requests per rate-limit window for its keys (null: the default for keys)
     * @param expiresAt null for an account without an end (its keys still expire)
     */
    record NewAccount(String name, String description, List<String> scopes, List<String> regions, Long rateLimit,
            String expiresAt) {
    }

    /** @param expiresAt null: one year, and never after the account's end */
    record NewKey(String expiresAt, Long rateLimit) {
    }

    /** @param roles the roles it acts as (derived from the scopes) */
    record AccountView(String name, String description, List<String> scopes, List<String> roles,
            List<String> regions, Integer rateLimit, Instant expiresAt, String state, Instant createdAt,
            String createdBy, Instant disabledAt, String disabledBy, String disableReason, List<KeyView> keys)
                    implements java.io.Serializable {
    }

    /** A key without its secret; {@code credential} is how the trail and the drill name it. */
    record KeyView(String keyId, String credential, String state, Instant createdAt, String createdBy,
            Instant expiresAt, Integer rateLimit, Instant lastUsedAt, Instant revokedAt, String revokedBy)
                    implements java.io.Serializable {
    }

    /** A new key: {@code key} is the secret, shown this once and never again. */
    record CreatedKey(String keyId, String key, String credential, Instant expiresAt, Integer rateLimit,
            String account) {
    }

    AccountView create(Caller caller, NewAccount account);

    List<AccountView> list(Caller caller);

    AccountView get(Caller caller, String name);

    /** Refused (409) when the account is disabled or expired, or already has two live keys. */
    CreatedKey createKey(Caller caller, String name, NewKey key);

    /** Stops the key at its next request; revoking a revoked key changes nothing. */
    KeyView revokeKey(Caller caller, String name, String keyId, String reason);

    /** Stops every key of the account at its next request. */
    AccountView disable(Caller caller, String name, String reason);
}
