package org.custodian.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Failed sign-in attempts for one submitted username (known or not, so the answer never tells which usernames
 * exist). Its block applies to sources the user has not signed in from before (see {@link SourceThrottle}).
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle extends FailureBackoff {

    @Id
    @Column(length = 64)
    private String username;

    protected LoginThrottle() {
        // for JPA
    }

    public LoginThrottle(String username, Instant now) {
        super(now);
        this.username = username;
    }

    public String getUsername() {
        return username;
    }
}
