package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Custodian's own API keys (#22) are found as secrets wherever they leak: a comment, a log line, a ticket. */
class ApiKeyDetectionTest {

    private static final String KEY = "cst_abcdefgh2345_" + "q".repeat(26) + "4".repeat(26);

    @Test
    void aLeakedKeyIsASecret() {
        assertEquals(List.of(KEY), Detected.values(PiiType.SECRET, "our integration uses " + KEY + ", see runbook"));
        assertEquals(List.of(KEY), Detected.values(PiiType.SECRET, "Authorization: Bearer " + KEY));
    }

    @Test
    void lookalikesAreNot() {
        assertEquals(List.of(), Detected.values(PiiType.SECRET, "cst_abcdefgh2345_short"));
        assertEquals(List.of(), Detected.values(PiiType.SECRET, "cst_abc_" + "q".repeat(52)));
        assertEquals(List.of(), Detected.values(PiiType.SECRET, "xcst_abcdefgh2345_" + "q".repeat(52)));
        assertEquals(List.of(), Detected.values(PiiType.SECRET, KEY + "q"));
    }
}
