package org.custodian.domain.model.pii;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which kinds of data were removed from a stored text when it was written (#20: the agent is told, on the page and
 * in the JSON), kept in one column as the type names in enum order, comma-separated ("CREDIT_CARD,SECRET"); null
 * when nothing was removed. A later write adds to the set, since the masked text it left stays.
 */
public final class RedactedTypes {

    /** Room for every {@link PiiType} name and the commas between them. */
    public static final int COLUMN_LENGTH = 64;

    private RedactedTypes() {
    }

    /** The stored value after {@code added} were removed from the text as well. */
    public static String union(String stored, Collection<PiiType> added) {
        Set<PiiType> all = EnumSet.noneOf(PiiType.class);
        for (String name : names(stored)) {
            all.add(PiiType.valueOf(name));
        }
        all.addAll(added);
        return all.isEmpty() ? null : all.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The type names of a stored value, in enum order; empty when nothing was removed. */
    public static List<String> names(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }
}
