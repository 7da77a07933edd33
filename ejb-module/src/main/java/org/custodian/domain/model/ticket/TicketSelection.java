package org.custodian.domain.model.ticket;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.RuleCheck;

/**
 * Tickets picked by category and region, as retention policies, legal holds and access grants pick them, and how
 * such sets are checked and kept: one text column each, comma-separated and sorted ("" for none). Where a rule
 * lets a set be empty, an empty set picks every value.
 */
public record TicketSelection(Set<String> categories, Set<Region> regions) {

    /** 20 categories of at most 40 characters fit a 1,000-character column with their separators. */
    public static final int MAX_CATEGORIES = 20;

    public TicketSelection {
        categories = Collections.unmodifiableSet(new TreeSet<>(categories));
        regions = Collections.unmodifiableSet(
                regions.isEmpty() ? EnumSet.noneOf(Region.class) : EnumSet.copyOf(regions));
    }

    /** Reads the two stored columns. */
    public static TicketSelection of(String categoriesColumn, String regionsColumn) {
        return new TicketSelection(categories(categoriesColumn), regions(regionsColumn));
    }

    /** Whether a ticket of {@code category} in {@code region} is picked; an empty set picks all. */
    public boolean picks(String category, Region region) {
        return (categories.isEmpty() || categories.contains(category))
                && (regions.isEmpty() || regions.contains(region));
    }

    /** Whether a set of categories is small enough to be kept (null counts as none). */
    public static boolean withinCategoryLimit(Set<String> categories) {
        return categories == null || categories.size() <= MAX_CATEGORIES;
    }

    /**
     * Adds a violation for every name that is not a category, e.g. {@code ": upper-case words such as BILLING"}
     * after it; a set over the limit is left to the caller's own message.
     */
    public static void checkCategories(RuleCheck check, Set<String> categories, String hint) {
        if (categories != null && withinCategoryLimit(categories)) {
            for (String category : categories) {
                check.require(category != null && TicketDetails.CATEGORY.matcher(category).matches(), "categories",
                        "'" + category + "' is not a category" + hint);
            }
        }
    }

    /** The column text of a category set: sorted, comma-separated; "" for null or empty. */
    public static String categoriesColumn(Set<String> categories) {
        return categories == null ? "" : String.join(",", new TreeSet<>(categories));
    }

    /** The column text of a region set: codes sorted, comma-separated; "" for null or empty. */
    public static String regionsColumn(Set<Region> regions) {
        return regions == null ? "" : regions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The categories of a column, sorted and read-only; none for null or "". */
    public static Set<String> categories(String column) {
        return column == null || column.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(column.split(","))));
    }

    /** The regions of a column (unknown codes are skipped); none for null or "". */
    public static Set<Region> regions(String column) {
        Set<Region> parsed = EnumSet.noneOf(Region.class);
        if (column != null && !column.isEmpty()) {
            for (String code : column.split(",")) {
                Region.parse(code).ifPresent(parsed::add);
            }
        }
        return parsed;
    }
}
