package org.custodian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.custodian.it.Api.Reply;

/** Legal holds placed through the API, as a privacy officer does: they block retention and erasure alike. */
final class LegalHolds {

    private LegalHolds() {
    }

    /** Places the hold {@code body} describes and returns its id; anything but 201 fails the test. */
    static long hold(Api api, String privacy, String body) {
        Reply placed = api.post("api/v1/legal-holds", privacy, body);
        assertEquals(201, placed.status(), placed.toString());
        return placed.json().getJsonNumber("id").longValue();
    }
}
