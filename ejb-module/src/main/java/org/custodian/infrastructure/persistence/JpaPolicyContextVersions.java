package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.custodian.domain.model.policy.PolicyContextVersions;
import org.custodian.domain.model.user.UserRepository.TokenState;

/** Reads the one row of {@code policy_context_version} (V113), which triggers change with the data it stands for. */
@ApplicationScoped
public class JpaPolicyContextVersions implements PolicyContextVersions {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public String current() {
        return entityManager.createNativeQuery("select version::text from policy_context_version where id = 1")
                .getSingleResult().toString();
    }

    @Override
    public CallerFacts currentFor(String username, Instant now) {
        // the version row always exists; the user's row may not (an identity provider's user without one)
        Object[] row = (Object[]) entityManager.createNativeQuery("select v.version::text, u.token_version,"
                + " u.enabled, exists (select 1 from reveal_grant g where g.username = ?1 and g.created_at <= ?2"
                + " and g.expires_at > ?2) from policy_context_version v left join app_user u on u.username = ?1"
                + " where v.id = 1").setParameter(1, username).setParameter(2, Timestamp.from(now))
                .getSingleResult();
        Optional<TokenState> token = row[1] == null ? Optional.empty()
                : Optional.of(new TokenState(((Number) row[1]).intValue(), (Boolean) row[2]));
        return new CallerFacts(row[0].toString(), token, (Boolean) row[3]);
    }
}
