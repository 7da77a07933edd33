package org.custodian.infrastructure.batch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The audit walk's place as batch_chunk_position keeps it: everything a restart needs, exactly. */
class AuditChainCheckpointTest {

    private final AuditChainCheckpoint position = new AuditChainCheckpoint(1500, "ab12", 4000, "cd34", false,
            "AQID:frontier", 1024);

    @Test
    void theCommittedPositionRestoresTheWalkAndTheFirstBrokenSequence() {
        JsonObject stored = parse(position.encode(1377L));
        assertEquals(position, AuditChainCheckpoint.decode(stored));
        assertEquals(1377L, AuditChainCheckpoint.firstBad(stored));
    }

    @Test
    void anIntactWalkSoFarHasNoFirstBrokenSequence() {
        JsonObject stored = parse(position.finish().encode(null));
        assertEquals(position.finish(), AuditChainCheckpoint.decode(stored));
        assertNull(AuditChainCheckpoint.firstBad(stored));
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
