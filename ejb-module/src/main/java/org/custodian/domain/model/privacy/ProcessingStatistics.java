package org.custodian.domain.model.privacy;

import java.util.Map;
import org.custodian.domain.model.customer.Region;

/** How much personal data is processed, and where: counts only, never a record's content. */
public interface ProcessingStatistics {

    /** Customers (the data subjects of the help desk) per region. */
    Map<Region, Long> customersByRegion();

    /** Tickets per region. */
    Map<Region, Long> ticketsByRegion();

    /** Comments on tickets. */
    long comments();
}
