package org.custodian.application.backup;

import java.time.Instant;
import java.util.List;

/** The result of checking one set's files: every problem names the file it is in. */
public record BackupVerificationView(long id, String name, boolean ok, boolean decrypted, int filesChecked,
        List<String> problems, Instant verifiedAt) {
}
