package org.custodian.application.catalog;

import java.util.List;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.catalog.CatalogKind;

public interface CatalogService {

    /** One list by code (CATALOG_READ); retired entries only if asked. */
    List<CatalogEntryView> list(Caller caller, CatalogKind kind, boolean includeRetired);

    /** Adds an entry (CATALOG_MANAGE); 409 if the code exists (retired or not), 422 for a bad code or team. */
    CatalogEntryView create(Caller caller, CatalogKind kind, NewCatalogEntry entry);

    /** Renames, hands over, retires or reactivates an entry (CATALOG_MANAGE); audited before and after. */
    CatalogEntryView change(Caller caller, CatalogKind kind, String code, CatalogEntryChanges changes);

    /**
     * Why a ticket may not be given {@code value} for the list's field (unknown or retired, with what would be
     * right), or null if it may; null and malformed values are left to the ticket's own format rules.
     */
    String refusal(CatalogKind kind, String value);

    /** The active entries of a list (for a ticket's pick lists; the caller may already write tickets). */
    List<CatalogEntryView> active(CatalogKind kind);
}
