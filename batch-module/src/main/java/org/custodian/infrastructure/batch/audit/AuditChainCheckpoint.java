package org.custodian.infrastructure.batch.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;

/**
 * Where the reader stands: the last event handed out (its sequence and stored hash), the Merkle tree edge over
 * the events read so far and the size of the last checkpoint that verified, and the chain head captured when
 * the job first started, so a restart checks exactly the same range.
 */
public record AuditChainCheckpoint(long lastSequence, String lastHash, long headSequence, String headHash,
        boolean finished, String frontier, long lastGoodCheckpoint) implements Serializable {

    private static final long serialVersionUID = 2L;

    AuditChainCheckpoint advance(long sequence, String hash, String newFrontier, long goodCheckpoint) {
        return new AuditChainCheckpoint(sequence, hash, headSequence, headHash, false, newFrontier, goodCheckpoint);
    }

    /** As text for batch_chunk_position, with the lowest broken sequence found so far (null: none). */
    String encode(Long firstBad) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("lastSequence", lastSequence).add("lastHash", lastHash)
                .add("headSequence", headSequence).add("headHash", headHash).add("finished", finished)
                .add("frontier", frontier).add("lastGoodCheckpoint", lastGoodCheckpoint);
        return (firstBad == null ? json.addNull("firstBad") : json.add("firstBad", firstBad)).build().toString();
    }

    static AuditChainCheckpoint decode(JsonObject json) {
        return new AuditChainCheckpoint(json.getJsonNumber("lastSequence").longValue(), json.getString("lastHash"),
                json.getJsonNumber("headSequence").longValue(), json.getString("headHash"),
                json.getBoolean("finished"), json.getString("frontier"),
                json.getJsonNumber("lastGoodCheckpoint").longValue());
    }

    static Long firstBad(JsonObject json) {
        return json.isNull("firstBad") ? null : json.getJsonNumber("firstBad").longValue();
    }

    AuditChainCheckpoint finish() {
        return new AuditChainCheckpoint(lastSequence, lastHash, headSequence, headHash, true, frontier,
                lastGoodCheckpoint);
    }
}
