package org.custodian.infrastructure.keys;

import java.util.Map;

/**
 * Fingerprints of the development keys published in Custodian's repository ({@code server-config/src/test/dev-keys}):
 * the tests use them, a running installation must not, since anybody holding the repository holds them too.
 */
final class DevelopmentKeys {

    /** Fingerprint to what a server using that key lets anybody do. */
    static final Map<String, String> PUBLISHED = Map.of(
            "jwk:p1VKlzGq62m2-wPPfXFFlS6kPpZqgA6KZZlKBt6mWOE",
            "the development token key: anybody can mint a token for any user, role and region",
            "sha256:8e440a42b90cb5165c42383be6f7000b677f0b632654651f3215ab08a2abf42e",
            "the development audit signing key: anybody can sign a checkpoint over a rewritten trail",
            "hmac:ea092cadc8f87120dadf7388bbc4c63293a4adb02b0d953767ced53280cdcbc7",
            "the development audit HMAC key: anybody can test guesses against the personal values in the trail",
            "hmac:e43c351c1ef6401bf614f8e0b2155c2928685d7f063e203b27289d1c64d1af2a",
            "the development second-factor key: anybody with the database can open every user's TOTP secret",
            "openpgp:9D8B00924E97C79114C8BA6EA2CB0775F221ABD5",
            "the development backup signing key: anybody can sign a forged backup set",
            "openpgp:3C2F0D448475A72C2DC0025D62075413A58DC244",
            "the development backup recipient, whose secret key is published: anybody can decrypt every backup",
            "hmac:1598e5148db17e0025f7f46d550ad27f4a59791cde92958ca1fba7c14d5ca543",
            "the development attachment master key: anybody with the database can open every attachment");

    /** Set to true by the tests (and only there) to run on the published keys. */
    static final String ALLOW_PROPERTY = "custodian.development-keys";

    private DevelopmentKeys() {
    }
}
