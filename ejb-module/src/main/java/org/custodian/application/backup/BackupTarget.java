package org.custodian.application.backup;

import java.nio.file.Path;
import java.util.Set;
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
}
