package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.privacy.PrivacyRequest;
import org.custodian.domain.model.privacy.PrivacyRequestRepository;

@ApplicationScoped
public class JpaPrivacyRequestRepository implements PrivacyRequestRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public void store(PrivacyRequest request) {
        entityManager.persist(request);
        entityManager.flush();
    }

    @Override
    public Optional<PrivacyRequest> findForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(PrivacyRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<PrivacyRequest> find(long id) {
        return Optional.ofNullable(entityManager.find(PrivacyRequest.class, id));
    }

    @Override
    public List<PrivacyRequest> all() {
        return entityManager.createNamedQuery("PrivacyRequest.findAll", PrivacyRequest.class).getResultList();
    }

    @Override
    public List<PrivacyRequest> openDueBefore(Instant before) {
        return entityManager.createNamedQuery("PrivacyRequest.findOpenDueBefore", PrivacyRequest.class)
                .setParameter("before", before).getResultList();
    }

    @Override
    public Set<Long> customersMatching(String email, String phone) {
        Set<Long> ids = new TreeSet<>();
        if (email != null) {
            ids.addAll(entityManager.createQuery("select c.id from Customer c where lower(c.email) = :email",
                    Long.class).setParameter("email", email.trim().toLowerCase(Locale.ROOT)).getResultList());
        }
        String digits = Customer.phoneDigits(phone);
        if (!digits.isEmpty()) {
            // phones are stored as entered: the separators Customer.PHONE admits are removed in portable SQL
            String stripped = "c.phone";
            for (String separator : new String[] {" ", "-", "(", ")", ".", "+"}) {
                stripped = "function('replace', " + stripped + ", '" + separator + "', '')";
            }
            // the query text is built from the constant separators above only; the number is a parameter
            ids.addAll(entityManager.createQuery("select c.id from Customer c where c.phone is not null and "
                    + stripped + " = :digits", Long.class).setParameter("digits", digits).getResultList());
        }
        return ids;
    }
}
