package org.custodian.domain.model.privacy;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The erasures made and the one way personal data is erased: {@link #erase} for the live database, {@link #reapply}
 * for a restored copy, both through the same statements.
 */
public interface ErasureLedger {

    void store(Erasure erasure);

    Optional<Erasure> findByRequest(long requestId);

    /** Every erasure, oldest first. */
    List<Erasure> all();

    /**
     * Anonymizes the customer records and everything that holds their personal values, in the caller's
     * transaction: the records (locked first, so no ticket is added meanwhile), their tickets' and comments' texts,
     * break-glass justifications and notifications about those tickets, consent sources and restriction reasons,
     * and the request register's rows about the subject (the erasure request's own row always), whose identifiers
     * {@code keyedHash} turns into keyed hashes and whose free texts become {@code [erased]}.
     */
    ErasedCounts erase(long requestId, Collection<Long> customerIds, Instant at, UnaryOperator<String> keyedHash);

    /** The same erasure on another database or schema (a restored copy; {@code connection}'s search path). */
    ErasedCounts reapply(Connection connection, long requestId, Collection<Long> customerIds, Instant at,
            UnaryOperator<String> keyedHash);

    /** What one erasure changed, by table. */
    record ErasedCounts(int customers, int tickets, int comments, int requests) {

        public ErasedCounts plus(ErasedCounts other) {
            return new ErasedCounts(customers + other.customers, tickets + other.tickets, comments + other.comments,
                    requests + other.requests);
        }
    }
}
