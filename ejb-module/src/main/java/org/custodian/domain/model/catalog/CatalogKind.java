package org.custodian.domain.model.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custodian.domain.model.ticket.TicketDetails;

/** The three master lists; each knows the ticket field it fills and the format of its codes. */
public enum CatalogKind {
    CATEGORY("categories", "category", TicketDetails.CATEGORY, "an upper-case word of 2-40 letters or underscores,"
            + " e.g. HARDWARE"),
    PRODUCT("products", "productSku", TicketDetails.PRODUCT_SKU, "like ABC-1234 or ABC-1234-X1"),
    SITE("sites", "siteCode", TicketDetails.SITE_CODE, "like FRA-01 (3 capitals, dash, 2 digits)");

    private final String path;
    private final String ticketField;
    private final Pattern code;
    private final String format;

    CatalogKind(String path, String ticketField, Pattern code, String format) {
        this.path = path;
        this.ticketField = ticketField;
        this.code = code;
        this.format = format;
    }

    /** The URL segment: categories, products, sites. */
    public String path() {
        return path;
    }

    /** The ticket field whose values the list holds. */
    public String ticketField() {
        return ticketField;
    }

    public boolean wellFormed(String value) {
        return value != null && code.matcher(value).matches();
    }

    /** The format in words, for messages. */
    public String format() {
        return format;
    }

    /** The singular word for messages: category, product, site. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CatalogKind> ofPath(String path) {
        for (CatalogKind kind : values()) {
            if (kind.path.equals(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
