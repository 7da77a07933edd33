package org.custodian.interfaces.rest.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.custodian.application.audit.proof.AuditProofService;
import org.custodian.application.shared.Caller;

/** Writes an audit export as JSON lines (UTF-8, one line each), for the API and the auditors' page alike. */
public final class AuditExportStream {

    private AuditExportStream() {
    }

    /** The export of events {@code first..last} (a range {@link AuditProofService#exportRange} accepted). */
    public static void write(AuditProofService proofs, Caller who, long first, long last, OutputStream output)
            throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        try {
            proofs.export(who, first, last, line -> {
                try {
                    writer.write(line);
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } finally {
            writer.flush();
        }
    }

    /** The file name a download of that range gets. */
    public static String fileName(long first, long last) {
        return "custodian-audit-" + first + "-" + last + ".jsonl";
    }
}
