package org.custodian.application.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class JsonWebKeysTest {

    /** The example of RFC 7638, section 3.1. */
    @Test
    void thumbprintIsTheOneOfRfc7638() {
        var jwk = Json.createObjectBuilder().add("kty", "RSA").add("e", "AQAB").add("n",
                "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3"
                + "oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0"
                + "zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF4"
                + "4-csFCur-kEgU8awapJzKnqDKgw").build();
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs",
                JsonWebKeys.thumbprint(JsonWebKeys.rsaPublicKey(jwk)));
    }
}
