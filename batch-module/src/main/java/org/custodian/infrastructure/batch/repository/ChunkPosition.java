package org.custodian.infrastructure.batch.repository;

/**
 * What a chunk reader resumes from, as text: the reader puts one into its step's transient user data when it
 * opens, and {@link ChunkPositionListener} asks it at the end of every chunk, inside the chunk's transaction.
 * It may combine the reader's place with totals the writer keeps (the step's persistent user data), which the
 * container would otherwise save outside that transaction too.
 */
@FunctionalInterface
public interface ChunkPosition {

    String encode();
}
