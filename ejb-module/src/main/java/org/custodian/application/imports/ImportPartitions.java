package org.custodian.application.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an upload's rows over the partitions of the legacy-import step (#24) so that partitions never make the same
 * record: a ticket's rows stay together and in file order, and every ticket goes where its customer goes (the
 * customer of the ticket's first accepted row, the one that would make it), so only one partition can make a given
 * customer. The split depends only on the file and the partition count, so a restart finds the same rows.
 */
public final class ImportPartitions {

    private ImportPartitions() {
    }

    /** The rows of partition {@code partition} of {@code partitions}, in file order. */
    public static List<ImportRow> of(List<ImportRow> rows, int partition, int partitions) {
        if (partitions <= 1) {
            return rows;
        }
        Map<String, String> customerOfTicket = new HashMap<>();
        for (ImportRow row : rows) {
            if (!row.rejected()) {
                customerOfTicket.putIfAbsent(row.ticketExternalId(), row.customerExternalId());
            }
        }
        List<ImportRow> mine = new ArrayList<>(rows.size() / partitions + 16);
        for (ImportRow row : rows) {
            String customer = row.ticketExternalId() == null ? null : customerOfTicket.get(row.ticketExternalId());
            // a rejected row only records its outcome: any partition will do, as long as it is always the same
            int hash = customer != null ? customer.hashCode() : row.row();
            if (Math.floorMod(hash, partitions) == partition) {
                mine.add(row);
            }
        }
        return mine;
    }
}
