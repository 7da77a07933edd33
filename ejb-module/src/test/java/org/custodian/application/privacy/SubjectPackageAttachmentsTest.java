package org.custodian.application.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SubjectPackageAttachmentsTest {

    @Test
    void fileNamesInTheZipCannotLeaveTheFolderOrHide() {
        assertEquals("_", SubjectPackageAttachments.safeName(".."));
        assertEquals("_bashrc", SubjectPackageAttachments.safeName(".bashrc"));
        assertEquals("Rechnung März.pdf", SubjectPackageAttachments.safeName("Rechnung März.pdf"));
        assertEquals("a_b_c.txt", SubjectPackageAttachments.safeName("a/b\\c.txt"));
    }
}
