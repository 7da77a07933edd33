package org.custodian.infrastructure.batch.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.custodian.application.privacy.ConsentService;
import org.custodian.infrastructure.batch.repository.ChunkPosition;
import org.custodian.infrastructure.batch.repository.CommittedPositions;
import org.custodian.infrastructure.batch.repository.StepPosition;
import org.junit.jupiter.api.Test;

/**
 * The window WildFly leaves open: JBeret saves a chunk's checkpoint outside the chunk's transaction, so after a
 * crash its checkpoint can stand after a chunk whose removals rolled back. The reader must resume from the
 * position committed with the chunks, or those transcripts are skipped (a gap) and the totals count them.
 */
class TranscriptReaderRestartTest {

    /** Transcripts 1..10 are all still there (the chunk that handed out 4..6 rolled back). */
    private final ConsentService consents = (ConsentService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConsentService.class}, (proxy, method, args) -> {
                if (method.getName().equals("transcriptsWithoutConsent")) {
                    long after = (Long) args[0];
                    return LongStream.rangeClosed(after + 1, 10).boxed().toList();
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private final Map<String, Object> stepData = new HashMap<>();

    @Test
    void resumesFromThePositionCommittedWithTheChunksNotFromTheContainersCheckpoint() {
        // committed: ids up to 3 removed (2 removed, 1 held); the container's checkpoint already says 6
        TranscriptReader reader = reader(Optional.of("3:2:1"));
        reader.open(6L);
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L, 10L), readAll(reader));
        assertEquals(new ConsentService.Removed(2, 1), stepData.get("persistent"),
                "the totals of the committed chunks, not of the rolled-back one");
        assertEquals("10:2:1", ((ChunkPosition) stepData.get("transient")).encode());
    }

    @Test
    void withoutACommittedPositionTheContainersCheckpointIsUsed() {
        TranscriptReader reader = reader(Optional.empty());
        reader.open(6L);
        assertEquals(List.of(7L, 8L, 9L, 10L), readAll(reader));
    }

    private TranscriptReader reader(Optional<String> committed) {
        TranscriptReader reader = new TranscriptReader();
        reader.removal = new TranscriptRemoval();
        reader.removal.consents = consents;
        reader.removal.step = context(StepContext.class, "remove");
        reader.removal.job = context(JobContext.class, "transcript-removal");
        reader.position = new StepPosition(reader.removal.step, reader.removal.job, new CommittedPositions() {
            @Override
            public Optional<String> find(long jobInstanceId, String stepName) {
                assertEquals(41L, jobInstanceId);
                assertEquals("remove", stepName);
                return committed;
            }
        });
        return reader;
    }

    private static List<Long> readAll(TranscriptReader reader) {
        List<Long> read = new ArrayList<>();
        for (Object next = reader.readItem(); next != null; next = reader.readItem()) {
            read.add((Long) next);
        }
        return read;
    }

    /** The container's contexts, as far as the reader uses them. */
    private <C> C context(Class<C> type, String name) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStepName", "getJobName" -> name;
                    case "getInstanceId" -> 41L;
                    case "getPersistentUserData" -> stepData.get("persistent");
                    case "setPersistentUserData" -> stepData.put("persistent", args[0]);
                    case "getTransientUserData" -> stepData.get("transient");
                    case "setTransientUserData" -> stepData.put("transient", args[0]);
                    case "setExitStatus" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
    }
}
