package org.custodian.application.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backup settings from MicroProfile Config (environment variables override): targets, retention tiers, the SLA and
 * the restore schemas. The OpenPGP keys are the infrastructure's (BackupKeys), parsed only when a set is written or
 * read.
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

    /**
     * Where a restore copies the sets it checks before loading them (a private directory per restore, removed
     * afterwards); it needs room for the chain's encrypted files. Empty: the JVM's temporary directory.
     */
    @Inject
    @ConfigProperty(name = "custodian.backup.staging-directory")
    Optional<String> stagingDirectory;

    /**
     * Accept sets of the first format (custodian-backup-set/1), whose checksum lists carry no signature: they are
     * refused unless this is set, since an operator cannot check them with gpg and sha256sum alone.
     */
    @Inject
    @ConfigProperty(name = "custodian.backup.accept-format-1", defaultValue = "false")
    boolean acceptFormat1;

    /**
     * How many tables a backup reads at once, each on a database connection and a thread of its own, all on the
     * one snapshot (as pg_dump -j does); 1 reads them one after another. Bounded to 1..16.
     */
    @Inject
    @ConfigProperty(name = "custodian.backup.export-parallelism", defaultValue = "2")
    int exportParallelism;

    public int exportParallelism() {
        return Math.max(1, Math.min(16, exportParallelism));
    }

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

    /**
     * Backups are encrypted to the operators' public keys, which nobody but the operators can provide: without them
     * a backup is refused at once (503 naming the setting), not a job that fails later.
     */
    public void requireRecipients() {
        boolean configured = ConfigProvider.getConfig().getOptionalValue("custodian.backup.recipient-keys",
                String.class).filter(keys -> !keys.isBlank()).isPresent();
        if (!configured) {
            throw new NotConfiguredException("backups are encrypted to the operators' OpenPGP public keys, and none"
                    + " is configured: set CUSTODIAN_BACKUP_RECIPIENT_KEYS (gpg --armor --export <your key>, or"
                    + " file:/path/to/it); see docs/backup-format.md");
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

    public Path stagingRoot() {
        return stagingDirectory.filter(path -> !path.isBlank()).map(path -> Path.of(path.trim()))
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"))).toAbsolutePath().normalize();
    }

    public boolean acceptFormat1() {
        return acceptFormat1;
    }

    /** The environment variable MicroProfile Config reads a property from (custodian.a-b -> CUSTODIAN_A_B). */
    public static String environmentName(String property) {
        StringBuilder name = new StringBuilder();
        for (char c : property.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
