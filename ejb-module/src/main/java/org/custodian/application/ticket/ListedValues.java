package org.custodian.application.ticket;

import java.util.Objects;
import org.custodian.application.catalog.CatalogService;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.shared.RuleCheck;

/**
 * A ticket's category, product and site come from the master lists (#23): a value set or changed must be an active
 * entry; a value the ticket already carries stays even after its entry was retired (old tickets keep their history).
 */
final class ListedValues {

    private ListedValues() {
    }

    /**
     * Refuses (422, every broken rule at once: the format rules of the details and the lists) {@code wanted};
     * {@code current} is null for a new ticket.
     */
    static void require(CatalogService catalog, TicketDetails current, TicketDetails wanted) {
        RuleCheck check = new RuleCheck();
        wanted.check(check);
        check(check, catalog, CatalogKind.CATEGORY, current == null ? null : current.category(), wanted.category());
        check(check, catalog, CatalogKind.PRODUCT, current == null ? null : current.productSku(),
                wanted.productSku());
        check(check, catalog, CatalogKind.SITE, current == null ? null : current.siteCode(), wanted.siteCode());
        check.throwIfAny();
    }

    private static void check(RuleCheck check, CatalogService catalog, CatalogKind kind, String before,
            String value) {
        if (value != null && !Objects.equals(before, value)) {
            String why = catalog.refusal(kind, value);
            check.require(why == null, kind.ticketField(), why);
        }
    }
}
