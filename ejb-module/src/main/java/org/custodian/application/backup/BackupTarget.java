package org.custodian.application.backup;

import java.nio.file.Path;
import java.util.Set;
import org.custodian.domain.model.customer.Region;

/** A directory sets are written to, and the residency regions whose data may be stored there. */
public record BackupTarget(String name, Path directory, Set<Region> regions) {

    public boolean allows(Region region) {
        return regions.contains(region);
    }
}
