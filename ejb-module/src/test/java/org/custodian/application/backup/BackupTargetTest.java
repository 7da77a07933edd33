package org.custodian.application.backup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.custodian.application.shared.NotConfiguredException;
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


    @Test
    void aTargetWithoutADirectoryIsRefusedWhereTheDirectoryIsNeeded() {
        BackupTarget primary = new BackupTarget("primary", null, EnumSet.allOf(Region.class));
        assertTrue(primary.allows(Region.EU), "its regions still answer");
        NotConfiguredException refused = assertThrows(NotConfiguredException.class, primary::directory);
        assertEquals("backup target primary has no directory: set custodian.backup.target.primary.path"
                + " (environment: CUSTODIAN_BACKUP_TARGET_PRIMARY_PATH)", refused.getMessage());
    }

    @Test
    void aConfiguredDirectoryIsReturned() {
        Path directory = Path.of("/srv/custodian/backups");
        assertEquals(directory, new BackupTarget("primary", directory, EnumSet.of(Region.US)).directory());
    }
}
