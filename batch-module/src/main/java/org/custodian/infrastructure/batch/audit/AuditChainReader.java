package org.custodian.infrastructure.batch.audit;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.custodian.domain.model.audit.AuditChainHead;
import org.custodian.domain.model.audit.AuditChainVerifier;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;

/** Reads the chain in sequence order, a page at a time, pairing each event with what the chain expects. */
@Dependent
@Named
public class AuditChainReader extends AbstractItemReader {

    @Inject
    AuditEventRepository events;

    @Inject
    @BatchProperty
    String pageSize;

    private final Deque<AuditEvent> buffer = new ArrayDeque<>();
    private AuditChainCheckpoint position;

    @Override
    public void open(Serializable checkpoint) {
        if (checkpoint instanceof AuditChainCheckpoint saved) {
            position = saved;
        } else {
            AuditChainHead head = events.readHead();
            position = new AuditChainCheckpoint(0, AuditEvent.GENESIS_HASH, head.getLastSequence(),
                    head.getLastHash(), false);
        }
    }

    @Override
    public Object readItem() {
        if (position.finished()) {
            return null;
        }
        if (buffer.isEmpty() && position.lastSequence() < position.headSequence()) {
            buffer.addAll(events.findAfter(position.lastSequence(), pageSize()));
        }
        AuditEvent event = buffer.pollFirst();
        if (event == null || event.getSequence() > position.headSequence()) {
            // the end: the walk must have reached the head, and the head must name the last hash
            AuditChainVerifier end = new AuditChainVerifier(position.lastSequence(), position.lastHash(), 0);
            end.finish(position.headSequence(), position.headHash());
            position = new AuditChainCheckpoint(position.lastSequence(), position.lastHash(),
                    position.headSequence(), position.headHash(), true);
            return end.isIntact() ? null : AuditLink.missingTail(end.firstBadSequence());
        }
        AuditLink link = new AuditLink(event, position.lastSequence() + 1, position.lastHash());
        position = new AuditChainCheckpoint(event.getSequence(), event.getHash(), position.headSequence(),
                position.headHash(), false);
        return link;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }

    private int pageSize() {
        try {
            return pageSize == null ? 1000 : Math.max(1, Math.min(10_000, Integer.parseInt(pageSize.trim())));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }
}
