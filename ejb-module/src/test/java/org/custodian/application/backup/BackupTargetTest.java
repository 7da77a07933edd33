package org.custodian.application.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import org.custodian.application.shared.NotConfiguredException;
import org.custodian.domain.model.customer.Region;
import org.junit.jupiter.api.Test;

/** The default target without a configured directory: it exists, and a backup through it is refused naming the setting. */
class BackupTargetTest {

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
