package org.custodian.domain.model.customer;

import java.util.List;
import java.util.Set;

/**
 * What a customer directory search asks for. The areas are what the caller may see, already decided by the policy:
 * a customer is found only inside an area, and {@code text} matches each field only as the caller sees it there:
 * a fragment of a field shown in full, the whole value (normalised) of a field shown masked, nothing of a hidden one.
 * Erased records and the {@code hiddenCustomers} (restricted processing) are never found.
 */
public record CustomerSearch(String text, List<Area> areas, Set<Long> hiddenCustomers, Order order, int page,
        int size) {

    /** The shortest search text of the directory: a shorter fragment has no trigram for an index (#27). */
    public static final int MIN_TEXT = 3;

    /** How the text may match one field in an area. */
    public enum Match {
        /** The field is shown in full: any fragment, case-insensitive. */
        CONTAINS,
        /** The field is shown masked: only the whole value, normalised (a fragment would reveal the hidden part). */
        EXACT,
        /** The field is hidden: never. */
        NONE
    }

    /** Every order ends with the id, so pages never overlap. */
    public enum Order {
        /** By name: only for callers who see every name in full (an order reveals what it sorts by). */
        NAME,
        /** By customer number. */
        ID
    }

    public record Area(Set<Region> regions, Match name, Match email, Match phone) {

        public Area {
            regions = Set.copyOf(regions);
        }
    }

    public CustomerSearch {
        areas = List.copyOf(areas);
        hiddenCustomers = Set.copyOf(hiddenCustomers);
    }

    /** Whether the text can be a phone number (then its digits are compared): digits and + ( ) . - and spaces. */
    public boolean phoneLike() {
        return text != null && text.trim().matches("\\+?[0-9 ().-]+") && Customer.phoneDigits(text).length() >= 3;
    }
}
