package org.custodian.application.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.custodian.application.audit.AuditActions;
import org.junit.jupiter.api.Test;

/** A download of an attachment (#24) is a read of the ticket's customer's data in the access reports. */
class AttachmentDownloadReadTest {

    @Test
    void aDownloadCountsAsAReadOfTheAttachmentContent() {
        assertTrue(AuditActions.READ_ACTIONS.contains(AuditActions.ATTACHMENT_DOWNLOAD));
        // the fields DefaultAttachmentService writes for a download
        DefaultAccessReportService.ReadFields read = DefaultAccessReportService.ReadFields.parse("attachment=150,"
                + "sha256=" + "ab".repeat(32) + ",basis=GRANT#12,region=EU,class=CONFIDENTIAL,attachment.content,"
                + "revealed=true");
        assertEquals("GRANT#12", read.basis());
        assertEquals(List.of("EU"), read.regions());
        assertEquals(Set.of("CONFIDENTIAL"), read.classifications());
        assertEquals(List.of("attachment.content"), read.fields());
    }
}
