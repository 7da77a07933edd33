package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.customer.CustomerSearch;
import org.custodian.domain.model.customer.CustomerSearch.Match;

@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    @PersistenceContext(unitName = "custodian")
    private EntityManager entityManager;

    @Override
    public Optional<Customer> findForUpdate(long id) {
        return Optional.ofNullable(entityManager.find(Customer.class, id,
                LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Customer> find(long id) {
        return Optional.ofNullable(entityManager.find(Customer.class, id));
    }

    @Override
    public Optional<Customer> findByExternalId(String externalId) {
        return entityManager.createNamedQuery("Customer.findByExternalId", Customer.class)
                .setParameter("externalId", externalId)
                .getResultStream().findFirst();
    }

    @Override
    public void store(Customer customer) {
        entityManager.persist(customer);
    }

    @Override
    public void flush() {
        entityManager.flush();
    }

    @Override
    public long count() {
        return entityManager.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult();
    }

    @Override
    public Page search(CustomerSearch search) {
        if (search.areas().isEmpty()) {
            return new Page(List.of(), 0);
        }
        CriteriaBuilder builder = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> countQuery = builder.createQuery(Long.class);
        Root<Customer> countRoot = countQuery.from(Customer.class);
        countQuery.select(builder.count(countRoot)).where(matching(builder, countRoot, search));
        long total = entityManager.createQuery(countQuery).getSingleResult();

        CriteriaQuery<Customer> pageQuery = builder.createQuery(Customer.class);
        Root<Customer> root = pageQuery.from(Customer.class);
        pageQuery.select(root).where(matching(builder, root, search)).orderBy(switch (search.order()) {
            case NAME -> List.of(builder.asc(builder.lower(root.get("name"))), builder.asc(root.get("id")));
            case ID -> List.of(builder.asc(root.get("id")));
        });
        List<Customer> items = entityManager.createQuery(pageQuery)
                .setFirstResult(search.page() * search.size())
                .setMaxResults(search.size())
                .getResultList();
        return new Page(items, total);
    }

    /** One branch per area, OR-ed: inside an area the text matches each field only as the caller sees it there. */
    private static Predicate matching(CriteriaBuilder builder, Root<Customer> customer, CustomerSearch search) {
        String text = search.text() == null || search.text().isBlank() ? null : search.text();
        List<Predicate> branches = new ArrayList<>();
        for (CustomerSearch.Area area : search.areas()) {
            List<Predicate> conditions = new ArrayList<>();
            conditions.add(customer.get("region").in(area.regions()));
            if (text != null) {
                List<Predicate> fields = new ArrayList<>();
                add(fields, builder, builder.lower(customer.get("name")), area.name(), Customer.nameKey(text));
                add(fields, builder, builder.lower(customer.get("email")), area.email(), Customer.emailKey(text));
                String digits = Customer.phoneDigits(text);
                // a name with a digit in it is no phone number: digits are compared only for phone-like text
                if (search.phoneLike() && (area.phone() == Match.CONTAINS || digits.length() >= 6)) {
                    add(fields, builder, builder.function("customer_phone_digits", String.class,
                            customer.get("phone")), area.phone(), digits);
                }
                conditions.add(fields.isEmpty() ? builder.disjunction() : builder.or(fields.toArray(new Predicate[0])));
            }
            branches.add(builder.and(conditions.toArray(new Predicate[0])));
        }
        // neither erased records nor tombstones of a merge (their survivor is found instead)
        Predicate found = builder.and(builder.or(branches.toArray(new Predicate[0])),
                builder.isNull(customer.get("erasedAt")), builder.isNull(customer.get("mergedInto")));
        return search.hiddenCustomers().isEmpty() ? found
                : builder.and(found, builder.not(customer.get("id").in(search.hiddenCustomers())));
    }

    private static void add(List<Predicate> fields, CriteriaBuilder builder, Expression<String> stored, Match match,
            String key) {
        if (key.isEmpty()) {
            return;
        }
        switch (match) {
            case CONTAINS -> fields.add(builder.like(stored, "%" + JpaTicketRepository.escapeLike(key) + "%",
                    '\\'));
            case EXACT -> fields.add(builder.equal(stored, key));
            case NONE -> {
                // hidden: the text never matches it
            }
        }
    }
}
