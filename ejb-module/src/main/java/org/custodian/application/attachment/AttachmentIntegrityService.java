package org.custodian.application.attachment;

import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * The integrity-verify job's attachment step (#24): every stored attachment's chunks complete and in sequence, and
 * their SHA-256 the one recorded when the file was written. Ciphertext only: no key is needed or used.
 */
public interface AttachmentIntegrityService {

    /** Checks all stored attachments, audits the result (each broken attachment named) and returns it. */
    Result verify(Caller job);

    /** @param problems "attachment ID (ticket T): what is wrong", the first 100 */
    record Result(long attachments, long chunks, long bytes, long broken, List<String> problems) {

        public boolean ok() {
            return broken == 0;
        }
    }
}
