package org.custodian.domain.model.mail;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutomaticMailTest {

    private static String reason(Map<String, List<String>> headers, String from) {
        return AutomaticMail.reason(headers, from, Set.of("support@custodian.test"));
    }

    @Test
    void rfc3834AutomaticMailIsRecognised() {
        assertNotNull(reason(Map.of("auto-submitted", List.of("auto-replied")), "a@example.org"));
        assertNotNull(reason(Map.of("auto-submitted", List.of("auto-generated; owner-email=x@example.org")),
                "a@example.org"));
        assertNull(reason(Map.of("auto-submitted", List.of(" No ")), "a@example.org"));
    }

    @Test
    void bulkListAndJunkMailAndMailingListsAreRecognised() {
        for (String precedence : List.of("bulk", "list", "junk", "Bulk")) {
            assertNotNull(reason(Map.of("precedence", List.of(precedence)), "a@example.org"), precedence);
        }
        assertNull(reason(Map.of("precedence", List.of("first-class")), "a@example.org"));
        assertNotNull(reason(Map.of("list-id", List.of("<users.lists.example.org>")), "a@example.org"));
        assertNotNull(reason(Map.of("x-autoreply", List.of("yes")), "a@example.org"));
    }

    @Test
    void mailFromOurOwnAddressIsALoop() {
        assertNotNull(reason(Map.of(), "support@custodian.test"));
        assertNull(reason(Map.of(), "customer@example.org"));
    }
}
