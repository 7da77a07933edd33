package org.custodian.domain.shared;

import java.util.Optional;
import java.util.function.Consumer;

/** The rule for renaming what people pick from lists (a team, a catalogue entry): 1 to 200 characters, trimmed. */
public final class DisplayName {

    public static final int MAX_LENGTH = 200;

    private DisplayName() {
    }

    /** The requested name, checked and trimmed; empty when it is the current one (nothing to change). */
    public static Optional<String> changed(String current, String requested) {
        new RuleCheck().requireText(requested, "name", MAX_LENGTH).throwIfAny();
        String trimmed = requested.trim();
        return trimmed.equals(current) ? Optional.empty() : Optional.of(trimmed);
    }

    /** Hands the requested name, checked and trimmed, to {@code apply} unless it is the current one; true if it did. */
    public static boolean rename(String current, String requested, Consumer<String> apply) {
        Optional<String> renamed = changed(current, requested);
        renamed.ifPresent(apply);
        return renamed.isPresent();
    }
}
