package org.custodian.application.pii;

import java.util.List;
import org.custodian.application.shared.Caller;

/**
 * Scans stored text again with the current detector (the pii-rescan job): what older detector versions let through
 * and the ingest rules remove (card numbers, secrets) is redacted now, with one audit event per record; a record
 * under a legal hold or a processing restriction is reported (audited) and left unchanged.
 */
public interface PiiRescanService {

    /** Ids of the next records of that kind, after {@code afterId}, in id order. */
    List<Long> next(RescanTarget target, long afterId, int limit);

    /** Scans these records in the caller's transaction (a chunk's), redacting and auditing as it goes. */
    Rescanned rescan(RescanTarget target, List<Long> ids, Caller job);
}
