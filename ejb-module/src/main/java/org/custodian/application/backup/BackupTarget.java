package org.custodian.application.backup;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.shared.NotConfiguredException;
import org.custodian.domain.model.customer.Region;

/**
 * A directory sets are written to, and the residency regions whose data may be stored there. The directory is null
 * only for the default target {@code primary} when its path is not configured.
 */
public record BackupTarget(String name, Path directory, Set<Region> regions) {

    /** The directory; a target without one is refused here, where a backup first needs it. */
    @Override
    public Path directory() {
        if (directory == null) {
            String property = "custodian.backup.target." + name + ".path";
            throw new NotConfiguredException("backup target " + name + " has no directory: set " + property
                    + " (environment: " + BackupConfiguration.environmentName(property) + ")");
        }
        return directory;
    }

    public boolean allows(Region region) {
        return regions.contains(region);
    }

    /**
     * Residency: a set would hold every region's data found in the snapshot, so the target must allow them all;
     * a region the application does not know is refused rather than let through.
     */
    public void refuseResidencyViolation(Set<String> regionsWithData) {
        Set<String> refused = new TreeSet<>();
        for (String region : regionsWithData) {
            if (Region.parse(region).map(r -> !allows(r)).orElse(true)) {
                refused.add(region);
            }
        }
        if (!refused.isEmpty()) {
            throw new BackupFailedException("residency: backup target " + name + " may hold data of "
                    + new TreeSet<>(regions) + " only, but the database holds data of " + refused
                    + "; nothing was written. Choose a target allowed for those regions or widen "
                    + "custodian.backup.target." + name + ".regions if the law allows it");
        }
    }
}
