package org.custodian.infrastructure.keys;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.custodian.application.audit.AuditService;
import org.custodian.application.auth.JsonWebKeys;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.infrastructure.backup.BackupKeys;
import org.eclipse.microprofile.config.Config;

/**
 * Runs once at start, before anything signs or seals, and refuses to start (the deployment fails, saying why) when
 * <ul>
 * <li>a key is one of the development keys published in the repository, unless {@code custodian.development-keys}
 * is true (the tests' setting);</li>
 * <li>the token verification keys do not include the token signing key (tokens this server issues would fail);</li>
 * <li>a key differs from the one whose fingerprint this installation recorded at its first start — another node
 * with its own generated keys, a lost data directory, a key changed by mistake — unless the change is a rotation:
 * the recorded token key is still among the verification keys, the recorded audit key among the retired verify
 * keys, or {@code custodian.keys.accept-changed} names the key.</li>
 * </ul>
 * Fingerprints recorded and rotations accepted go into the audit trail.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class InstallationKeyGuard {

    private static final Logger LOG = Logger.getLogger(InstallationKeyGuard.class.getName());
    private static final String ACTOR = "installation-keys";

    @Inject
    Config config;

    @Inject
    BackupKeys backupKeys;

    @Inject
    AuditService audit;

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void check() {
        Map<String, String> current = currentFingerprints();
        List<String> verificationKeys = tokenVerificationKeys();
        refuseDevelopmentKeys(current, verificationKeys);
        requireTokenKeyVerifies(current.get("jwt-signing"), verificationKeys);
        compareWithRecorded(current, verificationKeys);
    }

    private Map<String, String> currentFingerprints() {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        value("custodian.jwt.signing-key").ifPresent(text -> fingerprints.put("jwt-signing",
                KeyFingerprints.tokenSigningKey(text)));
        value("custodian.audit.verify-key").ifPresent(text -> fingerprints.put("audit-signing",
                KeyFingerprints.publicKey(text)));
        value("custodian.audit.hmac-key").ifPresent(text -> fingerprints.put("audit-hmac",
                KeyFingerprints.secret(text)));
        value("custodian.auth.second-factor-key").ifPresent(text -> fingerprints.put("second-factor",
                KeyFingerprints.secret(text)));
        value("custodian.attachment.master-key").ifPresent(text -> fingerprints.put("attachment-master",
                KeyFingerprints.secret(text)));
        if (value("custodian.backup.signing-key").isPresent()) {
            fingerprints.put("backup-signing", KeyFingerprints.openPgp(backupKeys.signer().fingerprint()));
        }
        return fingerprints;
    }

    /** Thumbprints of the keys our own tokens are verified with. */
    private List<String> tokenVerificationKeys() {
        Optional<String> text = value("custodian.jwt.verify-keys");
        if (text.isEmpty()) {
            return List.of();
        }
        String keys = text.get().trim();
        if (!keys.startsWith("{")) {
            return JsonWebKeys.publicKeys(keys).stream().map(key -> "jwk:" + JsonWebKeys.thumbprint(key)).toList();
        }
        JsonObject json = Json.createReader(new StringReader(keys)).readObject();
        List<JsonValue> entries = json.containsKey("keys") ? json.getJsonArray("keys") : List.of(json);
        List<String> thumbprints = new ArrayList<>();
        for (JsonValue entry : entries) {
            JsonObject jwk = entry.asJsonObject();
            if ("RSA".equals(jwk.getString("kty", ""))) {
                thumbprints.add("jwk:" + JsonWebKeys.thumbprint(JsonWebKeys.rsaPublicKey(jwk)));
            }
        }
        return thumbprints;
    }

    private void refuseDevelopmentKeys(Map<String, String> current, List<String> verificationKeys) {
        if (config.getOptionalValue(DevelopmentKeys.ALLOW_PROPERTY, Boolean.class).orElse(false)) {
            LOG.warning("custodian.development-keys is true: this server accepts the development keys published in"
                    + " Custodian's repository. Never on a server that holds real data.");
            return;
        }
        List<String> found = new ArrayList<>();
        current.values().forEach(fingerprint -> found.add(fingerprint));
        found.addAll(verificationKeys);
        value("custodian.backup.recipient-keys").ifPresent(text -> backupKeys.envelope().recipientFingerprints()
                .forEach(fingerprint -> found.add(KeyFingerprints.openPgp(fingerprint))));
        List<String> published = found.stream().distinct().filter(DevelopmentKeys.PUBLISHED::containsKey)
                .map(DevelopmentKeys.PUBLISHED::get).toList();
        if (!published.isEmpty()) {
            throw refusal("this server is configured with keys published in Custodian's repository: "
                    + String.join("; ", published) + ". Remove those settings (every key nobody sets is generated"
                    + " for this installation at its first start) or set keys of your own; see docs/security.md."
                    + " Only tests may run on them, with CUSTODIAN_DEVELOPMENT_KEYS=true.");
        }
    }

    private void requireTokenKeyVerifies(String signingKey, List<String> verificationKeys) {
        if (signingKey == null || verificationKeys.isEmpty()) {
            return;
        }
        if (!verificationKeys.contains(signingKey)) {
            throw refusal("the tokens this server signs (custodian.jwt.signing-key, key " + signingKey + ") would"
                    + " not verify: custodian.jwt.verify-keys does not hold its public key. Leave"
                    + " CUSTODIAN_JWT_VERIFY_KEYS unset (the server publishes the signing key's public half and"
                    + " custodian.jwt.previous-verify-keys) or set it to the matching public key.");
        }
    }

    private void compareWithRecorded(Map<String, String> current, List<String> verificationKeys) {
        Map<String, Object[]> recorded = recorded();
        Set<String> acknowledged = Arrays.stream(value("custodian.keys.accept-changed").orElse("").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        List<String> retiredAudit = value("custodian.audit.retired-verify-keys").stream()
                .flatMap(text -> Arrays.stream(text.split(","))).filter(text -> !text.isBlank())
                .map(KeyFingerprints::publicKey).toList();
        Instant now = Instant.now();
        for (Map.Entry<String, String> key : current.entrySet()) {
            String name = key.getKey();
            Object[] row = recorded.get(name);
            if (row == null) {
                record(name, key.getValue(), now, "KEY_RECORDED");
                continue;
            }
            String before = (String) row[0];
            if (before.equals(key.getValue())) {
                continue;
            }
            boolean rotation = name.equals("jwt-signing") && verificationKeys.contains(before)
                    || name.equals("audit-signing") && retiredAudit.contains(before)
                    || name.equals("attachment-master") && previousAttachmentKeys().contains(before)
                    || acknowledged.contains(name);
            if (!rotation) {
                throw refusal("this server's " + name + " key (" + key.getValue() + ") is not the one this"
                        + " installation recorded at " + row[1] + " (" + before + "). Nodes of one installation"
                        + " must share their keys: configure the same keys on every node, or give them the same"
                        + " data directory (" + DataDirectory.resolve() + "/keys). If you changed the key on"
                        + " purpose, see 'Rotating keys' in docs/security.md (custodian.keys.accept-changed="
                        + name + " accepts it once).");
            }
            entityManager.createNativeQuery("update installation_key set fingerprint = ?1, recorded_at = ?2"
                    + " where name = ?3").setParameter(1, key.getValue()).setParameter(2, Timestamp.from(now))
                    .setParameter(3, name).executeUpdate();
            audit.record(Caller.system(ACTOR, null), "KEY_ROTATED", "installation-key", name,
                    List.of("from=" + before, "to=" + key.getValue()), AuditOutcome.SUCCESS);
            LOG.warning(() -> "The " + name + " key of this installation changed from " + before + " to "
                    + key.getValue() + " (recorded in the audit trail).");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object[]> recorded() {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        List<Object[]> result = entityManager.createNativeQuery(
                "select name, fingerprint, recorded_at from installation_key").getResultList();
        for (Object[] row : result) {
            rows.put((String) row[0], new Object[] {row[1], row[2]});
        }
        return rows;
    }

    private void record(String name, String fingerprint, Instant now, String action) {
        entityManager.createNativeQuery("insert into installation_key (name, fingerprint, recorded_at)"
                + " values (?1, ?2, ?3) on conflict (name) do nothing").setParameter(1, name)
                .setParameter(2, fingerprint).setParameter(3, Timestamp.from(now)).executeUpdate();
        audit.record(Caller.system(ACTOR, null), action, "installation-key", name, List.of("fingerprint="
                + fingerprint), AuditOutcome.SUCCESS);
        LOG.info(() -> "Recorded the fingerprint of this installation's " + name + " key: " + fingerprint);
    }

    /** Fingerprints of the attachment master keys named for a rotation (their data keys are re-wrapped at start). */
    private List<String> previousAttachmentKeys() {
        return value("custodian.attachment.previous-master-keys").stream()
                .flatMap(text -> Arrays.stream(text.split(","))).map(String::trim).filter(text -> !text.isEmpty())
                .map(KeyFingerprints::secret).toList();
    }

    private Optional<String> value(String name) {
        return config.getOptionalValue(name, String.class).filter(text -> !text.isBlank());
    }

    private static IllegalStateException refusal(String reason) {
        LOG.severe("Custodian does not start: " + reason);
        return new IllegalStateException("Custodian does not start: " + reason);
    }
}
