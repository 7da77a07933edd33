package org.custodian.infrastructure.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.application.auth.JsonWebKeys;
import org.custodian.infrastructure.backup.OpenPgpKeyGenerator;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * This installation's own keys, as MicroProfile Config values at the lowest priority: whatever is configured
 * (environment, system properties, the server's config) wins, and a key that nobody configured is generated on
 * first use into {@code <data dir>/keys} (see {@link DataDirectory}) and read from there on every later start. So
 * no running install uses a key published anywhere, and none needs setting up before the first start.
 *
 * <p>The token verification key is derived, not stored: a JWKS of the current signing key (configured or
 * generated) and the previous ones ({@code custodian.jwt.previous-verify-keys} and the files in
 * {@code keys/jwt-previous/}), so tokens signed before a rotation stay valid until they expire.
 */
public class InstallationKeySource implements ConfigSource {

    static final String JWT_SIGNING = "custodian.jwt.signing-key";
    static final String JWT_PREVIOUS = "custodian.jwt.previous-verify-keys";
    static final String JWT_VERIFY = "custodian.jwt.verify-keys";
    static final String AUDIT_SIGNING = "custodian.audit.signing-key";
    static final String AUDIT_VERIFY = "custodian.audit.verify-key";
    static final String AUDIT_RETIRED = "custodian.audit.retired-verify-keys";
    static final String AUDIT_HMAC = "custodian.audit.hmac-key";
    static final String SECOND_FACTOR = "custodian.auth.second-factor-key";
    static final String BACKUP_SIGNING = "custodian.backup.signing-key";
    static final String WEBHOOK_SECRETS = "custodian.webhook.secret-key";
    static final String ATTACHMENT_MASTER = "custodian.attachment.master-key";

    private static final Set<String> NAMES = Set.of(JWT_SIGNING, JWT_VERIFY, AUDIT_SIGNING, AUDIT_VERIFY,
            AUDIT_RETIRED, AUDIT_HMAC, SECOND_FACTOR, BACKUP_SIGNING, WEBHOOK_SECRETS, ATTACHMENT_MASTER);

    private final SecureRandom random = new SecureRandom();
    private volatile KeyFiles files;

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "custodian-installation-keys";
    }

    @Override
    public String getValue(String name) {
        if (!NAMES.contains(name) || DataDirectory.configured(name).isPresent()) {
            return null;
        }
        return switch (name) {
            case JWT_SIGNING -> jwtSigningKey();
            case JWT_VERIFY -> verificationKeys();
            case AUDIT_SIGNING, AUDIT_VERIFY -> auditKey(name);
            case AUDIT_RETIRED -> retiredAuditKeys();
            case AUDIT_HMAC -> secret("audit-hmac-key");
            case SECOND_FACTOR -> secret("second-factor-key");
            case WEBHOOK_SECRETS -> secret("webhook-secret-key");
            case BACKUP_SIGNING -> backupSigningKey();
            case ATTACHMENT_MASTER -> secret("attachment-master-key");
            default -> null;
        };
    }

    private String jwtSigningKey() {
        return files().group(List.of("jwt-signing-key.pem"), () -> {
            KeyPair pair = generate("RSA", 2048);
            return Map.of("jwt-signing-key.pem", pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }).get("jwt-signing-key.pem");
    }

    private String verificationKeys() {
        String current = DataDirectory.configured(JWT_SIGNING).orElseGet(this::jwtSigningKey);
        List<RSAPublicKey> keys = new ArrayList<>();
        keys.add(JsonWebKeys.publicHalf(JsonWebKeys.privateKey(current)));
        DataDirectory.configured(JWT_PREVIOUS).ifPresent(text -> keys.addAll(JsonWebKeys.publicKeys(text)));
        files().retired("jwt-previous").forEach(text -> keys.add(JsonWebKeys.publicKey(text)));
        return JsonWebKeys.jwks(keys).toString();
    }

    private String auditKey(String name) {
        if (DataDirectory.configured(AUDIT_SIGNING).isPresent() || DataDirectory.configured(AUDIT_VERIFY).isPresent()) {
            return null; // half a configured pair is completed by nobody: the checkpoint signer says what is missing
        }
        Map<String, String> pair = files().group(List.of("audit-signing-key.pem", "audit-verify-key.pem"), () -> {
            KeyPair generated = generate("Ed25519", 0);
            return Map.of("audit-signing-key.pem", pem("PRIVATE KEY", generated.getPrivate().getEncoded()),
                    "audit-verify-key.pem", pem("PUBLIC KEY", generated.getPublic().getEncoded()));
        });
        return pair.get(name.equals(AUDIT_SIGNING) ? "audit-signing-key.pem" : "audit-verify-key.pem");
    }

    private String retiredAuditKeys() {
        List<String> retired = files().retired("audit-previous");
        return retired.isEmpty() ? null : String.join(",", retired);
    }

    private String secret(String file) {
        return files().group(List.of(file), () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return Map.of(file, Base64.getEncoder().encodeToString(bytes));
        }).get(file).trim();
    }

    private String backupSigningKey() {
        return files().group(List.of("backup-signing-key.asc", "backup-signing-public.asc"), () -> {
            OpenPgpKeyGenerator.GeneratedKey key = OpenPgpKeyGenerator.signingKey(
                    "Custodian backup signer (" + files().directory() + ")");
            return Map.of("backup-signing-key.asc", key.armoredSecretKey(),
                    "backup-signing-public.asc", key.armoredPublicKey());
        }).get("backup-signing-key.asc");
    }

    private KeyFiles files() {
        if (files == null) {
            files = new KeyFiles(DataDirectory.resolve().resolve("keys"));
        }
        return files;
    }

    private KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                generator.initialize(bits, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required by every Java 17 platform", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
