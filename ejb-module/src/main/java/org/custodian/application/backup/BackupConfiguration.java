package org.custodian.application.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.shared.NotConfiguredException;
import org.custodian.domain.model.backup.BackupRetentionPlan;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.infrastructure.backup.OpenPgpDecryptor;
import org.custodian.infrastructure.backup.OpenPgpEnvelope;
import org.custodian.infrastructure.backup.OpenPgpSigner;
import org.custodian.infrastructure.backup.OpenPgpVerifier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backup settings from MicroProfile Config (environment variables override). Keys are parsed when first needed,
 * so a server without backup keys still starts and a backup then fails saying which setting is missing.
 */
@ApplicationScoped
public class BackupConfiguration {

    /** Target names, comma separated; each has custodian.backup.target.NAME.path and .regions. */
    @Inject
    @ConfigProperty(name = "custodian.backup.targets", defaultValue = "primary")
    String targetNames;

    @Inject
    @ConfigProperty(name = "custodian.backup.default-target", defaultValue = "primary")
    String defaultTarget;

    @Inject
    @ConfigProperty(name = "custodian.backup.recipient-keys")
    Optional<String> recipientKeys;

    @Inject
    @ConfigProperty(name = "custodian.backup.signing-key")
    Optional<String> signingKey;

    @Inject
    @ConfigProperty(name = "custodian.backup.signing-key-passphrase")
    Optional<String> signingKeyPassphrase;

    /** Public half of the signing key, for verification without it; derived from the signing key when unset. */
    @Inject
    @ConfigProperty(name = "custodian.backup.verify-key")
    Optional<String> verifyKey;

    /** Only on a host that should test-decrypt sets during verification. */
    @Inject
    @ConfigProperty(name = "custodian.backup.decryption-key")
    Optional<String> decryptionKey;

    @Inject
    @ConfigProperty(name = "custodian.backup.decryption-key-passphrase")
    Optional<String> decryptionKeyPassphrase;

    @Inject
    @ConfigProperty(name = "custodian.backup.retention.daily", defaultValue = "30")
    int keepDaily;

    @Inject
    @ConfigProperty(name = "custodian.backup.retention.weekly", defaultValue = "26")
    int keepWeekly;

    @Inject
    @ConfigProperty(name = "custodian.backup.retention.monthly", defaultValue = "24")
    int keepMonthly;

    /** No successful backup for this long opens an incident. */
    @Inject
    @ConfigProperty(name = "custodian.backup.sla", defaultValue = "PT26H")
    Duration sla;

    /** Where POST /api/v1/backups/restores restores to: an isolated schema that is kept for inspection. */
    @Inject
    @ConfigProperty(name = "custodian.backup.restore-schema", defaultValue = "custodian_restore")
    String restoreSchema;

    /** Where restore drills restore to; dropped after the checks. */
    @Inject
    @ConfigProperty(name = "custodian.backup.drill-schema", defaultValue = "custodian_drill")
    String drillSchema;

    private volatile OpenPgpEnvelope envelope;
    private volatile OpenPgpSigner signer;
    private volatile OpenPgpVerifier verifier;

    public Map<String, BackupTarget> targets() {
        Config config = ConfigProvider.getConfig();
        Map<String, BackupTarget> targets = new LinkedHashMap<>();
        for (String name : targetNames.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String prefix = "custodian.backup.target." + trimmed + ".";
            // primary, the zero-setup target, may hold every region's data and exists without a directory too (so
            // audit pruning still waits for a backup); a backup through it then fails naming the setting. No default
            // directory: one relative to wherever the server was started is where backups get lost.
            String path = config.getOptionalValue(prefix + "path", String.class).orElse(null);
            if (path == null && !"primary".equals(trimmed)) {
                throw new NotConfiguredException("backup target " + trimmed + " has no directory: set "
                        + prefix + "path (environment: " + environmentName(prefix + "path") + ")");
            }
            String regionText = config.getOptionalValue(prefix + "regions", String.class)
                    .orElse("primary".equals(trimmed) ? "ALL" : "");
            targets.put(trimmed, new BackupTarget(trimmed, path == null ? null : Path.of(path).toAbsolutePath()
                    .normalize(), regions(regionText, prefix + "regions")));
        }
        return targets;
    }

    /** The named target, or the default one when name is null or blank; an unknown name is a 422. */
    public BackupTarget target(String name) {
        String wanted = name == null || name.isBlank() ? defaultTarget.trim() : name.trim();
        BackupTarget target = targets().get(wanted);
        if (target == null) {
            throw new DomainRuleViolationException("target",
                    "is not a configured backup target; configured: " + targets().keySet());
        }
        return target;
    }

    private static Set<Region> regions(String text, String property) {
        if (text.trim().equalsIgnoreCase("ALL")) {
            return EnumSet.allOf(Region.class);
        }
        Set<Region> regions = EnumSet.noneOf(Region.class);
        List<String> unknown = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                Region.parse(part).ifPresentOrElse(regions::add, () -> unknown.add(part.trim()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new NotConfiguredException(property + " names unknown regions " + unknown + "; allowed: ALL or "
                    + Region.allowedValues());
        }
        return regions;
    }

    public OpenPgpEnvelope envelope() {
        return configured("custodian.backup.recipient-keys", this::loadEnvelope);
    }

    public OpenPgpSigner signer() {
        return configured("custodian.backup.signing-key", this::loadSigner);
    }

    public OpenPgpVerifier verifier() {
        return configured("custodian.backup.verify-key", this::loadVerifier);
    }

    public Optional<OpenPgpDecryptor> decryptor() {
        return configured("custodian.backup.decryption-key", this::loadDecryptor);
    }

    /** A key that does not parse is a configuration problem (503 naming the setting), not a server error. */
    private static <T> T configured(String property, java.util.function.Supplier<T> load) {
        try {
            return load.get();
        } catch (IllegalArgumentException e) {
            throw new NotConfiguredException(property + " (" + environmentName(property) + ") is not usable: "
                    + e.getMessage());
        }
    }

    private OpenPgpEnvelope loadEnvelope() {
        if (envelope == null) {
            envelope = OpenPgpEnvelope.forRecipients(recipientKeys.filter(k -> !k.isBlank()).map(BackupConfiguration::keyText)
                    .orElseThrow(() -> missing("custodian.backup.recipient-keys",
                            "the operators' OpenPGP public keys that backups are encrypted to")));
        }
        return envelope;
    }

    private OpenPgpSigner loadSigner() {
        if (signer == null) {
            signer = OpenPgpSigner.fromSecretKey(signingKey.filter(k -> !k.isBlank()).map(BackupConfiguration::keyText)
                    .orElseThrow(() -> missing("custodian.backup.signing-key",
                            "the OpenPGP secret key that signs backup manifests")),
                    signingKeyPassphrase.orElse("").toCharArray());
        }
        return signer;
    }

    private OpenPgpVerifier loadVerifier() {
        if (verifier == null) {
            verifier = verifyKey.filter(k -> !k.isBlank()).map(OpenPgpVerifier::fromPublicKey)
                    .orElseGet(() -> OpenPgpVerifier.fromPublicKey(signer().armoredPublicKey()));
        }
        return verifier;
    }

    private Optional<OpenPgpDecryptor> loadDecryptor() {
        return decryptionKey.filter(k -> !k.isBlank()).map(BackupConfiguration::keyText)
                .map(k -> OpenPgpDecryptor.fromSecretKey(k, decryptionKeyPassphrase.orElse("").toCharArray()));
    }

    /**
     * A key given inline (armored or one-line base64), or as {@code file:/path} to a file holding it: secret keys
     * are usually mounted as files rather than put into the environment.
     */
    static String keyText(String value) {
        if (!value.startsWith("file:")) {
            return value;
        }
        Path file = Path.of(value.substring("file:".length()));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new NotConfiguredException("cannot read the key file " + file + ": " + e.getMessage());
        }
    }

    public BackupRetentionPlan retentionPlan() {
        return new BackupRetentionPlan(keepDaily, keepWeekly, keepMonthly);
    }

    public Duration sla() {
        return sla;
    }

    public String restoreSchema() {
        return restoreSchema.trim();
    }

    public String drillSchema() {
        return drillSchema.trim();
    }

    private static NotConfiguredException missing(String property, String what) {
        return new NotConfiguredException("backups need " + property + " (" + what + "); set it or the environment"
                + " variable " + environmentName(property));
    }

    static String environmentName(String property) {
        StringBuilder name = new StringBuilder();
        for (char c : property.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
