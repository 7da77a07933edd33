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
                + " region, created_at, merged_into, merged_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                customers, (insert, customer) -> {
                    insert.setLong(1, customer.getId());
                    insert.setString(2, customer.getExternalId());
                    insert.setString(3, customer.getName());
                    insert.setString(4, customer.getEmail());
                    insert.setString(5, customer.getPhone());
                    insert.setString(6, customer.getNationalId());
                    insert.setString(7, customer.getRegion().name());
                    BatchInserts.setInstant(insert, 8, customer.getCreatedAt());
                    BatchInserts.setLong(insert, 9, customer.getMergedInto());
                    BatchInserts.setInstant(insert, 10, customer.getMergedAt());
                }, "customers");
    }
}
