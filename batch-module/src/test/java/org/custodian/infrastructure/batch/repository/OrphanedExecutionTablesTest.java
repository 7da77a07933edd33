package org.custodian.infrastructure.batch.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.custodian.infrastructure.batch.repository.OrphanedExecutionRecovery.Tables;
import org.junit.jupiter.api.Test;

/**
 * Which job-repository tables orphan recovery changes when a database holds two sets of them (Payara Server used
 * one prefix before the first restart after its batch runtime was configured, another after): the set that holds
 * the executions the server's job operator reported under way, never merely the last one the catalogue lists.
 */
class OrphanedExecutionTablesTest {

    @Test
    void theSetHoldingTheReportedExecutionsUnderWayIsTheOneInUse() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
                Connection connection = postgres.getPostgresDatabase().getConnection()) {
            // in use: batch_*, execution 7 left STARTED; stale: jbatch*, whose execution 7 once completed
            create(connection, "batch_", 7, "STARTED");
            create(connection, "jbatch", 7, "COMPLETED");
            create(connection, "half_", 7, "STARTED");
            try (Statement sql = connection.createStatement()) {
                sql.execute("drop table half_executioninstancedata"); // not a set: its executions table is missing
            }
            List<Tables> sets = Tables.all(connection.getMetaData(), connection.getSchema());
            assertEquals(List.of(new Tables("batch_executioninstancedata", "batch_stepexecutioninstancedata", "jobexecid"),
                    new Tables("jbatchexecutioninstancedata", "jbatchstepexecutioninstancedata", "jobexecid")), sets);

            assertEquals(sets.get(0), Tables.holding(sets, connection, Set.of(7L)));
            assertNull(Tables.holding(sets, connection, Set.of(7L, 8L)), "no set holds an execution 8");

            try (Statement sql = connection.createStatement()) {
                sql.execute("update jbatchexecutioninstancedata set batchstatus = 'STARTING'");
            }
            assertNull(Tables.holding(sets, connection, Set.of(7L)), "two sets fit: neither is changed");
        }
    }

    private static void create(Connection connection, String prefix, long executionId, String status)
            throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (String table : List.of("executioninstancedata", "stepexecutioninstancedata")) {
                sql.execute("create table " + prefix + table + " (jobexecid bigint, batchstatus varchar(20),"
                        + " exitstatus varchar(512), endtime timestamp)");
                sql.execute("insert into " + prefix + table + " values (" + executionId + ", '" + status
                        + "', null, null)");
            }
        }
    }
}
