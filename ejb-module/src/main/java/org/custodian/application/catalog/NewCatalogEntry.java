package org.custodian.application.catalog;

/** A new entry as the client sent it. */
public record NewCatalogEntry(String code, String name, String ownerTeam) {
}
