package org.custodian.domain.model.ticket;

import java.util.List;

/**
 * New comments stored many at a time (an import's chunk, #24): a few batched statements instead of one entity
 * persist each, which was the largest share of an import's CPU. The comments are built with their constructor (the
 * same checks, masked copy and ticket activity as any comment) but never handed to the persistence context.
 */
public interface CommentBatchRepository {

    /**
     * Inserts the comments in the caller's transaction and returns their new ids, in order. Their tickets must
     * already be written (flushed); the comments themselves stay detached (their {@code getId()} stays null).
     */
    List<Long> insertAll(List<Comment> comments);
}
