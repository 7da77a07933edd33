package org.custodian.domain.model.customer;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Data-residency region of a customer, a ticket or a user. */
public enum Region {
    EU, UK, US, CA, APAC, LATAM, MEA;

    public static Optional<Region> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Region region : values()) {
            if (region.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /** Made once: every customer and ticket made builds its "one of ..." message whether it is needed or not. */
    private static final String ALLOWED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    public static String allowedValues() {
        return ALLOWED;
    }
}
