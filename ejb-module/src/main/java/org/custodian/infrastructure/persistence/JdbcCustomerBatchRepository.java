package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerBatchRepository;

/**
 * Batched JDBC inserts into {@code customer} ({@link BatchInserts}) with the columns and the initial version (1) the
 * entity mapping writes; ids from {@code customer_seq} in the provider's blocks.
 */
@ApplicationScoped
public class JdbcCustomerBatchRepository implements CustomerBatchRepository {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    @Override
    public List<Long> newIds(int count) {
        return BatchInserts.ids(dataSource, "customer_seq", count, "customer");
    }

    @Override
    public void insertAll(List<Customer> customers) {
        BatchInserts.insert(dataSource, "insert into customer (id, external_id, name, email, phone, national_id,"
                + " region, created_at, merged_into, merged_at, version) values ", 11,
                customers, (insert, at, customer) -> {
                    insert.setLong(at, customer.getId());
                    insert.setString(at + 1, customer.getExternalId());
                    insert.setString(at + 2, customer.getName());
                    insert.setString(at + 3, customer.getEmail());
                    insert.setString(at + 4, customer.getPhone());
                    insert.setString(at + 5, customer.getNationalId());
                    insert.setString(at + 6, customer.getRegion().name());
                    BatchInserts.setInstant(insert, at + 7, customer.getCreatedAt());
                    BatchInserts.setLong(insert, at + 8, customer.getMergedInto());
                    BatchInserts.setInstant(insert, at + 9, customer.getMergedAt());
                    insert.setInt(at + 10, 1); // the initial version
                }, "customers");
    }
}
