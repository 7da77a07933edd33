package org.custodian.application.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.domain.model.customer.Region;
import org.junit.jupiter.api.Test;

class ImportPartitionsTest {

    private static final String HEADER = "Conversation ID,Conversation Number,Subject,Status,Mailbox,Customer ID,"
            + "Customer Name,Customer Email,Customer Phone,Conversation Created At,Thread ID,Thread Type,"
            + "Thread Created At,Body\n";

    /** 40 conversations of 3 threads each, a customer per 4 conversations; one row with a bad e-mail. */
    private static List<ImportRow> rows() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 120; i++) {
            int conversation = i / 3;
            int customer = conversation / 4;
            String email = i == 31 ? "not-an-email" : "c" + customer + "@example.com";
            csv.append(conversation).append(',').append(conversation).append(",Subject ").append(conversation)
                    .append(",active,Support,K").append(customer).append(",Customer ").append(customer).append(',')
                    .append(email).append(",,2024-05-01 10:00:00,T").append(i).append(",customer,,Body ").append(i)
                    .append('\n');
        }
        return SourceRows.read(ImportFormat.CSV, csv.toString(), ImportMapping.FREESCOUT,
                new SourceRows.Defaults(Region.EU, "GENERAL"));
    }

    @Test
    void everyRowIsInExactlyOnePartitionAndATicketsRowsStayTogetherInOrder() {
        List<ImportRow> all = rows();
        Map<Integer, Integer> partitionOfRow = new HashMap<>();
        Map<String, Integer> partitionOfTicket = new HashMap<>();
        Map<String, Integer> partitionOfCustomer = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            List<ImportRow> mine = ImportPartitions.of(all, p, 3);
            int last = 0;
            for (ImportRow row : mine) {
                assertTrue(row.row() > last, "file order within a partition");
                last = row.row();
                assertEquals(null, partitionOfRow.put(row.row(), p), "row " + row.row() + " in two partitions");
                if (!row.rejected()) {
                    Integer ticket = partitionOfTicket.putIfAbsent(row.ticketExternalId(), p);
                    assertEquals(p, ticket == null ? p : ticket, "ticket " + row.ticketExternalId());
                    Integer customer = partitionOfCustomer.putIfAbsent(row.customerExternalId(), p);
                    assertEquals(p, customer == null ? p : customer, "customer " + row.customerExternalId());
                }
            }
        }
        assertEquals(all.size(), partitionOfRow.size());
        assertTrue(partitionOfRow.values().containsAll(List.of(0, 1, 2)), "all partitions used");
    }

    @Test
    void oneSplitIsTheWholeFileAndTheSplitIsTheSameEveryTime() {
        List<ImportRow> all = rows();
        assertEquals(all, ImportPartitions.of(all, 0, 1));
        for (int p = 0; p < 2; p++) {
            assertEquals(ImportPartitions.of(all, p, 2), ImportPartitions.of(rows(), p, 2));
        }
    }
}
