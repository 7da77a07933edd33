package org.custodian.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Failed sign-in attempts from one source address, whatever usernames it tried: a source that keeps failing is
 * slowed down with growing delays, so guessing across many usernames (or locking many out) costs time too.
 */
@Entity
@Table(name = "login_source_throttle")
public class SourceThrottle extends FailureBackoff {

    /** Longest textual IPv6 address with a zone is under 64 characters. */
    public static final int MAX_SOURCE = 64;

    @Id
    @Column(length = MAX_SOURCE)
    private String source;

    protected SourceThrottle() {
        // for JPA
    }

    public SourceThrottle(String source, Instant now) {
        super(now);
        this.source = source;
    }

    public String getSource() {
        return source;
    }
}
