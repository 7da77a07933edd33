package org.custodian.interfaces.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only pages of this portal are followed after a sign-in; nothing that leads elsewhere or back into a step. */
class DeepLinkTest {

    @Test
    void portalPagesAreKept() {
        assertEquals(Optional.of("/ticket.xhtml?id=42"), DeepLink.safe("/ticket.xhtml?id=42"));
        assertEquals(Optional.of("/admin/jobs.xhtml"), DeepLink.safe("/admin/jobs.xhtml"));
        assertEquals("/login.xhtml?next=%2Fticket.xhtml%3Fid%3D42", DeepLink.login("/ticket.xhtml", "id=42"));
        assertEquals("/login.xhtml", DeepLink.login("/index.xhtml", null), "the landing page needs no link");
    }

    @Test
    void anythingElseIsDropped() {
        for (String link : List.of("https://evil.example/", "//evil.example/x.xhtml", "/\\evil.example",
                "\\\\evil.example", "ticket.xhtml", "/login.xhtml", "/second-factor.xhtml", "/enroll.xhtml",
                "/invitation.xhtml?token=x", "/api/v1/tickets", "/ticket.xhtml\r\nSet-Cookie: a=b",
                "/../ticket.xhtml/../x", "/%2e%2e/ticket.xhtml", "/x.xhtml" + "a".repeat(DeepLink.MAX_LENGTH), "")) {
            assertTrue(DeepLink.safe(link).isEmpty(), link);
        }
        assertTrue(DeepLink.safe(null).isEmpty());
        assertEquals("/login.xhtml", DeepLink.login("//evil.example/a.xhtml", null));
    }
}
