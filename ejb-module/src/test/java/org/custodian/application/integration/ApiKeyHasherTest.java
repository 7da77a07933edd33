package org.custodian.application.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.custodian.domain.model.integration.ApiKeyToken;
import org.junit.jupiter.api.Test;

class ApiKeyHasherTest {

    private static byte[] installationKey(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    private final ApiKeyHasher hasher = new ApiKeyHasher(installationKey(7));

    @Test
    void newKeysAreWellFormedAndDistinct() {
        Set<String> ids = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ApiKeyToken key = hasher.newKey();
            assertEquals(key, ApiKeyToken.parse(key.text()).orElseThrow());
            ids.add(key.keyId());
            secrets.add(key.secret());
        }
        assertEquals(1000, ids.size());
        assertEquals(1000, secrets.size());
    }

    @Test
    void theHashIsKeyedAndBindsTheIdToTheSecret() {
        ApiKeyToken key = hasher.newKey();
        String hash = hasher.hash(key);
        assertEquals(64, hash.length());
        assertFalse(hash.contains(key.secret()));
        assertEquals(hash, hasher.hash(ApiKeyToken.parse(key.text()).orElseThrow()));
        // another installation key gives another hash: a copied table is useless elsewhere
        assertNotEquals(hash, new ApiKeyHasher(installationKey(8)).hash(key));
        // the same secret under another key id is another key
        ApiKeyToken moved = new ApiKeyToken("a".repeat(12), key.secret());
        assertNotEquals(hash, hasher.hash(moved));
        assertTrue(hasher.matches(key, hash));
        assertFalse(hasher.matches(moved, hash));
        ApiKeyToken wrongSecret = new ApiKeyToken(key.keyId(), "b".repeat(52));
        assertFalse(hasher.matches(wrongSecret, hash));
    }
}
