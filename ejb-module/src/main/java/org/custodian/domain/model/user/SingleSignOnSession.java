package org.custodian.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A portal session started through the identity provider, known by a random key the HTTP session holds: the IdP's
 * session id ({@code sid}) and the user's subject there let a back-channel logout end it on every node.
 */
@Entity
@Table(name = "sso_session")
@NamedQuery(name = "SingleSignOnSession.findOpenBySid", query = "SELECT s FROM SingleSignOnSession s WHERE"
        + " s.issuer = :issuer AND s.sid = :sid AND s.endedAt IS NULL AND s.startedAt <= :before")
@NamedQuery(name = "SingleSignOnSession.findOpenBySubject", query = "SELECT s FROM SingleSignOnSession s WHERE"
        + " s.issuer = :issuer AND s.subject = :subject AND s.endedAt IS NULL AND s.startedAt <= :before")
public class SingleSignOnSession {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false, length = 512)
    private String issuer;

    @Column(nullable = false, length = 255)
    private String subject;

    @Column(length = 255)
    private String sid;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_why", length = 32)
    private String endedWhy;

    protected SingleSignOnSession() {
        // for JPA
    }

    public SingleSignOnSession(String id, String username, String issuer, String subject, String sid, Instant now) {
        this.id = id;
        this.username = username;
        this.issuer = issuer;
        this.subject = subject;
        this.sid = sid == null || sid.length() > 255 ? null : sid;
        this.startedAt = now;
    }

    /** Ends the session once; false if it had ended already. */
    public boolean end(String why, Instant now) {
        if (endedAt != null) {
            return false;
        }
        endedAt = now;
        endedWhy = why;
        return true;
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    public String getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getSid() {
        return sid;
    }

    public Instant getStartedAt() {
        return startedAt;
    }
}
