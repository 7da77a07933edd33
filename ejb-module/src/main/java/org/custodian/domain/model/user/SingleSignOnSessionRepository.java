package org.custodian.domain.model.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The registry of portal sessions started through the identity provider ({@link SingleSignOnSession}). */
public interface SingleSignOnSessionRepository {

    void store(SingleSignOnSession session);

    Optional<SingleSignOnSession> find(String id);

    /** Whether the session is still open: one read by primary key, made at every portal request. */
    boolean isOpen(String id);

    /** Open sessions of that IdP session, started no later than {@code before}, locked for this transaction. */
    List<SingleSignOnSession> lockOpenBySid(String issuer, String sid, Instant before);

    /** Open sessions of that IdP user, started no later than {@code before}, locked for this transaction. */
    List<SingleSignOnSession> lockOpenBySubject(String issuer, String subject, Instant before);

    /** Forgets sessions started before {@code before}; returns how many. */
    int forgetStartedBefore(Instant before);
}
