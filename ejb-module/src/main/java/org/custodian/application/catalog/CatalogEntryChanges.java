package org.custodian.application.catalog;

/** A partial change: null leaves the field as it is; {@code active} false retires, true reactivates. */
public record CatalogEntryChanges(String name, String ownerTeam, Boolean active) {
}
