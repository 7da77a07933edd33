package org.custodian.application.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.custodian.domain.model.catalog.CatalogKind;
import org.junit.jupiter.api.Test;

class DefaultCatalogServiceTest {

    @Test
    void aTypoIsAnsweredWithTheOneCloseCode() {
        List<String> codes = List.of("ACCOUNT", "BILLING", "HARDWARE", "NETWORK", "SOFTWARE");
        assertEquals("HARDWARE", DefaultCatalogService.closest("HARDWRE", codes));
        assertEquals("BILLING", DefaultCatalogService.closest("BILING", codes));
        assertNull(DefaultCatalogService.closest("PRINTERS", codes), "nothing close: no guess");
        assertNull(DefaultCatalogService.closest("AB-01", List.of("AB-02", "AB-03")), "two as close: no guess");
    }

    @Test
    void listsKnowTheirPathsFieldsAndFormats() {
        assertEquals(CatalogKind.PRODUCT, CatalogKind.ofPath("products").orElseThrow());
        assertTrue(CatalogKind.ofPath("colours").isEmpty());
        assertEquals("siteCode", CatalogKind.SITE.ticketField());
        assertTrue(CatalogKind.SITE.wellFormed("BER-01"));
        assertFalse(CatalogKind.SITE.wellFormed("berlin"));
        assertTrue(CatalogKind.PRODUCT.wellFormed("LTP-4410"));
        assertTrue(CatalogKind.CATEGORY.wellFormed("HARDWARE"));
    }
}
