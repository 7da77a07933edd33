package org.custodian.domain.model.catalog;

import java.util.List;
import java.util.Optional;

public interface CatalogRepository {

    Optional<CatalogEntry> find(CatalogKind kind, String code);

    /** The entries of one list by code; retired ones too if asked. */
    List<CatalogEntry> list(CatalogKind kind, boolean includeRetired);

    void store(CatalogEntry entry);

    /** Writes pending changes now (so a duplicate code surfaces inside the caller). */
    void flush();
}
