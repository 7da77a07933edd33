package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerBatchRepository;

/**
 * Batched JDBC inserts into {@code customer} on the transaction's connection (the container hands out the one
 * enlisted, so the rows commit with the chunk), with the columns and the initial version (1) the entity mapping
 * writes; ids from {@code customer_seq} in the provider's blocks ({@link SequenceBlocks}).
 */
@ApplicationScoped
public class JdbcCustomerBatchRepository implements CustomerBatchRepository {

    @Inject
    @CustodianDatabase
    DataSource dataSource;

    @Override
    public List<Long> newIds(int count) {
        try (Connection connection = dataSource.getConnection()) {
            return SequenceBlocks.take(connection, "customer_seq", count);
        } catch (SQLException e) {
            throw new PersistenceException("reserving " + count + " customer ids failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void insertAll(List<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into customer (id, external_id, name,"
                        + " email, phone, national_id, region, created_at, merged_into, merged_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            for (Customer customer : customers) {
                insert.setLong(1, customer.getId());
                insert.setString(2, customer.getExternalId());
                insert.setString(3, customer.getName());
                insert.setString(4, customer.getEmail());
                insert.setString(5, customer.getPhone());
                insert.setString(6, customer.getNationalId());
                insert.setString(7, customer.getRegion().name());
                SequenceBlocks.setInstant(insert, 8, customer.getCreatedAt());
                if (customer.getMergedInto() == null) {
                    insert.setNull(9, Types.BIGINT);
                } else {
                    insert.setLong(9, customer.getMergedInto());
                }
                SequenceBlocks.setInstant(insert, 10, customer.getMergedAt());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException("storing " + customers.size() + " customers failed: " + e.getMessage(), e);
        }
    }
}
