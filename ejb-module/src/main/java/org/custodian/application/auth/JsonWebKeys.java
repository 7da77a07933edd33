package org.custodian.application.auth;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RSA keys of the token issuer as JSON Web Keys (RFC 7517). The key id is the key's RFC 7638 thumbprint, so it
 * follows from the key itself: a verifier never has to trust a configured name, and a rotated key gets a new id.
 */
public final class JsonWebKeys {

    private JsonWebKeys() {
    }

    /** A PKCS#8 RSA private key from PEM or one-line base64. */
    public static RSAPrivateCrtKey privateKey(String text) {
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(text)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key (PEM 'BEGIN PRIVATE KEY' or its base64)",
                    e);
        }
    }

    /** An RSA public key from X.509 PEM or base64, or the public half of a PKCS#8 private key. */
    public static RSAPublicKey publicKey(String text) {
        if (text.contains("PRIVATE KEY")) {
            return publicHalf(privateKey(text));
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(text)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key (PEM 'BEGIN PUBLIC KEY' or its base64)", e);
        }
    }

    public static RSAPublicKey publicHalf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is required by every Java platform", e);
        }
    }

    /** The RSA public key a JWK describes. */
    public static RSAPublicKey rsaPublicKey(JsonObject jwk) {
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, decoder.decode(jwk.getString("n"))),
                    new BigInteger(1, decoder.decode(jwk.getString("e")))));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an RSA JSON Web Key (n and e, base64url)", e);
        }
    }

    /** RFC 7638 thumbprint: base64url of SHA-256 over {"e","kty","n"} in that order, no whitespace. */
    public static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + unsigned(key.getModulus()) + "\"}";
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static JsonObject jwk(RSAPublicKey key) {
        return Json.createObjectBuilder()
                .add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", thumbprint(key))
                .add("n", unsigned(key.getModulus())).add("e", unsigned(key.getPublicExponent()))
                .build();
    }

    /** A JWKS of the keys in order (current first), each once. */
    public static JsonObject jwks(List<RSAPublicKey> keys) {
        Map<String, RSAPublicKey> byId = new LinkedHashMap<>();
        keys.forEach(key -> byId.putIfAbsent(thumbprint(key), key));
        JsonArrayBuilder array = Json.createArrayBuilder();
        byId.values().forEach(key -> array.add(jwk(key)));
        return Json.createObjectBuilder().add("keys", array).build();
    }

    /** Keys separated by commas (base64) or written one PEM block after another. */
    public static List<RSAPublicKey> publicKeys(String text) {
        List<RSAPublicKey> keys = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        String separated = text.replaceAll("-----END ([A-Z ]+)-----", "-----END $1-----,");
        for (String part : separated.split(",")) {
            if (!part.isBlank()) {
                keys.add(publicKey(part.trim()));
            }
        }
        return keys;
    }

    private static byte[] pemBody(String text) {
        return Base64.getDecoder().decode(text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
