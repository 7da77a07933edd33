package org.custodian.application.attachment;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A download the policy allowed and the trail recorded: its metadata, and the plaintext written out chunk by chunk
 * when the response is sent (after the deciding transaction committed).
 */
public record AttachmentContent(AttachmentView view, Writer writer) {

    /** Writes the plaintext; fails (and the response breaks off) if the ciphertext or the content hash is wrong. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }
}
