package org.custodian.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The single row that orders appends: the sequencer locks it, takes the next sequence and the
 * previous hash from it, and moves it forward in the same transaction. It also lets verification
 * notice a truncated tail (events deleted from the end).
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    public static final int SINGLETON_ID = 1;

    @Id
    private int id;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    /** The Merkle tree's right edge over all events so far ({@link MerkleFrontier#encode}). */
    @Column(name = "merkle_frontier", nullable = false, length = 4400)
    private String merkleFrontier;

    protected AuditChainHead() {
        // for JPA
    }

    /** The head as read with JDBC by the sequencer (its columns, as stored). */
    public static AuditChainHead of(long lastSequence, String lastHash, String merkleFrontier) {
        AuditChainHead head = new AuditChainHead();
        head.id = SINGLETON_ID;
        head.lastSequence = lastSequence;
        head.lastHash = lastHash;
        head.merkleFrontier = merkleFrontier;
        return head;
    }

    public AuditEvent append(AuditRecord record, Instant now) {
        AuditEvent event = new AuditEvent(lastSequence + 1, now, record, lastHash);
        MerkleFrontier frontier = MerkleFrontier.decode(merkleFrontier);
        frontier.append(HexFormat.of().parseHex(event.getLeafHash()));
        lastSequence = event.getSequence();
        lastHash = event.getHash();
        merkleFrontier = frontier.encode();
        return event;
    }

    /**
     * Appends several records at one instant, exactly as many {@link #append} calls would, but decodes and encodes
     * the Merkle frontier once: a purge chunk appends a thousand events under one lock.
     */
    public List<AuditEvent> appendAll(List<AuditRecord> records, Instant now) {
        return appendPending(records.stream().map(record -> new PendingAuditRecord(0, now, record)).toList());
    }

    /**
     * Chains pending records in the given order, each at the time it was recorded (the sequencer's batch): the
     * same events as one {@link #append} per record, with one Merkle-frontier decode and encode.
     */
    public List<AuditEvent> appendPending(List<PendingAuditRecord> pending) {
        List<AuditEvent> events = new ArrayList<>(pending.size());
        MerkleFrontier frontier = MerkleFrontier.decode(merkleFrontier);
        HexFormat hex = HexFormat.of();
        for (PendingAuditRecord record : pending) {
            AuditEvent event = new AuditEvent(lastSequence + 1, record.occurredAt(), record.record(), lastHash);
            frontier.append(hex.parseHex(event.getLeafHash()));
            lastSequence = event.getSequence();
            lastHash = event.getHash();
            events.add(event);
        }
        merkleFrontier = frontier.encode();
        return events;
    }

    public long getLastSequence() {
        return lastSequence;
    }

    public String getLastHash() {
        return lastHash;
    }

    /** The Merkle frontier as stored ({@link MerkleFrontier#encode}). */
    public String encodedFrontier() {
        return merkleFrontier;
    }

    public MerkleFrontier frontier() {
        return MerkleFrontier.decode(merkleFrontier);
    }
}
