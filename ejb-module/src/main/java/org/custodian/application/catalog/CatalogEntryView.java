package org.custodian.application.catalog;

import java.time.Instant;
import org.custodian.domain.model.catalog.CatalogEntry;

/** An entry as the API and the portal show it; {@code active} is false once retired. */
public record CatalogEntryView(String code, String name, String ownerTeam, boolean active, Instant retiredAt,
        Instant createdAt, Instant changedAt) implements java.io.Serializable {

    static CatalogEntryView of(CatalogEntry entry) {
        return new CatalogEntryView(entry.getCode(), entry.getName(), entry.getOwnerTeam(), !entry.isRetired(),
                entry.getRetiredAt(), entry.getCreatedAt(), entry.getChangedAt());
    }

    /** "HARDWARE — Hardware" for pick lists; the code alone when the name says nothing more. */
    public String label() {
        return name.equals(code) ? code : code + " — " + name;
    }
}
