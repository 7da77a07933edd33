package org.custodian.application.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.FieldPolicy.ClassifiedField;
import org.custodian.domain.model.policy.MaskStyle;
import org.custodian.domain.model.policy.Visibility;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/** Keeps the test fixture's policy equal to the defaults the migration seeds. */
class PolicyFixturesTest {

    private static final Pattern CLASSIFICATION_ROW =
            Pattern.compile("\\('(\\w+\\.\\w+)',\\s*'\\w+',\\s*'\\w+',\\s*'(\\w+)',\\s*'(\\w+)',");
    private static final Pattern VISIBILITY_ROW =
            Pattern.compile("\\('(\\w+):(\\w+)',\\s*'\\w+',\\s*'\\w+',\\s*'(\\w+)',");

    private static String migration() throws IOException {
        return migration("V2__policy.sql") + migration("V34__user_admin_role.sql");
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = PolicyFixturesTest.class.getResourceAsStream("/db/migration/" + name)) {
            assertNotNull(in, name + " not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void catalogFixtureMatchesTheMigration() throws IOException {
        Map<String, ClassifiedField> seeded = new HashMap<>();
        Matcher row = CLASSIFICATION_ROW.matcher(migration());
        while (row.find()) {
            seeded.put(row.group(1), new ClassifiedField(Classification.valueOf(row.group(2)),
                    MaskStyle.valueOf(row.group(3))));
        }
        assertEquals(24, seeded.size());
        assertEquals(seeded, PolicyFixtures.defaultCatalog());
    }

    @Test
    void matrixFixtureMatchesTheMigration() throws IOException {
        Map<Role, Map<Classification, Visibility>> seeded = new EnumMap<>(Role.class);
        Matcher row = VISIBILITY_ROW.matcher(migration());
        int rows = 0;
        while (row.find()) {
            seeded.computeIfAbsent(Role.valueOf(row.group(1)), role -> new EnumMap<>(Classification.class))
                    .put(Classification.valueOf(row.group(2)), Visibility.valueOf(row.group(3)));
            rows++;
        }
        assertEquals(Role.values().length * Classification.values().length, rows);
        assertEquals(seeded, PolicyFixtures.defaultMatrix());
    }
}
