package org.custodian.application.backup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.junit.jupiter.api.Test;

class BackupTargetTest {

    @Test
    void aTargetMustAllowEveryRegionWhoseDataIsInTheSnapshot() {
        BackupTarget usOnly = new BackupTarget("us-only", Path.of("/tmp/us"), EnumSet.of(Region.US));
        assertDoesNotThrow(() -> usOnly.refuseResidencyViolation(Set.of("US")));
        BackupFailedException refused = assertThrows(BackupFailedException.class,
                () -> usOnly.refuseResidencyViolation(Set.of("EU", "US", "UK")));
        assertTrue(refused.getMessage().contains("[EU, UK]") && refused.getMessage().contains("nothing was written"),
                refused.getMessage());
        // a region the application does not know is refused rather than let through
        assertThrows(BackupFailedException.class,
                () -> usOnly.refuseResidencyViolation(Set.of("MARS")));
    }
}
