package org.custodian.application.integration;

/** Audited actions of service accounts and their keys, as they appear in the trail (resource type SERVICE_ACCOUNT). */
public final class ServiceAccountActions {

    public static final String RESOURCE = "SERVICE_ACCOUNT";
    public static final String CREATE = "SERVICE_ACCOUNT_CREATE";
    public static final String DISABLE = "SERVICE_ACCOUNT_DISABLE";
    public static final String READ = "SERVICE_ACCOUNT_READ";
    /** A key made (resource id {@code account/keyId}); its secret is never in the trail. */
    public static final String KEY_CREATE = "API_KEY_CREATE";
    public static final String KEY_REVOKE = "API_KEY_REVOKE";
    /** A key's first use in a minute (with its last-use time); every read or change it makes is audited as well. */
    public static final String KEY_USE = "API_KEY_USE";
    /** A known key refused: wrong secret, revoked, expired, or its account disabled or expired. */
    public static final String KEY_REJECT = "API_KEY_REJECT";

    private ServiceAccountActions() {
    }
}
