package org.custodian.domain.model.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    private static String sniff(byte[] bytes) {
        return ContentSniffer.sniff(bytes, bytes.length);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void knowsTheCommonTypesByTheirMagicBytes() {
        assertEquals("application/pdf", sniff("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("image/png", sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13)));
        assertEquals("image/jpeg", sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F')));
        assertEquals("image/gif", sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/zip", sniff(bytes('P', 'K', 3, 4, 20, 0)));
        assertEquals("application/gzip", sniff(bytes(0x1F, 0x8B, 8, 0)));
        assertEquals("application/octet-stream", sniff(bytes(0x4D, 0x5A, 0x90, 0, 3, 0)));
    }

    @Test
    void textIsUtf8WithoutControlCharactersAndAMailStartsWithHeaders() {
        assertEquals("text/plain", sniff("name;card\nJane;ü€\r\n\tend".getBytes(StandardCharsets.UTF_8)));
        assertEquals("application/octet-stream", sniff("a\0b".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("application/octet-stream", sniff(bytes('a', 0xC3, 0x28)));
        assertEquals("message/rfc822", sniff(("Received: from mx\r\nFrom: a@b.example\r\nSubject: x\r\n\r\nbody")
                .getBytes(StandardCharsets.US_ASCII)));
        assertEquals("message/rfc822", sniff(("Authentication-Results: mx; spf=pass\r\nFrom: a@b.example\r\n\r\nx")
                .getBytes(StandardCharsets.US_ASCII)));
        assertEquals("text/plain", sniff("Note: from: nobody\nplain".getBytes(StandardCharsets.US_ASCII)));
        // a multi-byte character cut by the end of the head is not a reason to call text binary
        byte[] head = "aaé".getBytes(StandardCharsets.UTF_8);
        assertEquals("text/plain", ContentSniffer.sniff(java.util.Arrays.copyOf(head, head.length - 1), 100));
    }

    @Test
    void theDeclaredTypeMustBeBorneOutByTheBytes() {
        assertTrue(ContentSniffer.matches("application/pdf", "application/pdf"));
        assertFalse(ContentSniffer.matches("application/pdf", "application/octet-stream"));
        assertFalse(ContentSniffer.matches("image/png", "application/pdf"));
        assertTrue(ContentSniffer.matches("text/csv; charset=utf-8", "text/plain"));
        assertFalse(ContentSniffer.matches("text/plain", "image/png"));
        assertTrue(ContentSniffer.matches("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/zip"));
        assertTrue(ContentSniffer.matches("application/octet-stream", "image/png"));
        assertEquals("text/csv; charset=utf-8", ContentSniffer.served("text/csv", "text/plain"));
        assertEquals("image/png", ContentSniffer.served("application/octet-stream", "image/png"));
        assertEquals("message/rfc822", ContentSniffer.served("message/rfc822", "message/rfc822"));
    }
}
