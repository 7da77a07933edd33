package org.custodian.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The classic ways to forge a JWT, each against a server whose own key is {@code serverKey}: every token here must
 * be refused. {@link #genuine} is the control, signed with the server's key exactly as it signs, so that each
 * refusal is caused by the one thing its forgery changes.
 */
final class ForgedTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final RSAPrivateKey serverKey;
    private final RSAPublicKey serverPublicKey;
    private final String user;
    private final List<String> groups;

    ForgedTokens(RSAPrivateKey serverKey, RSAPublicKey serverPublicKey, String user, List<String> groups) {
        this.serverKey = serverKey;
        this.serverPublicKey = serverPublicKey;
        this.user = user;
        this.groups = groups;
    }

    String genuine() throws Exception {
        return sign(serverKey, header(kid(serverPublicKey)).build(), claims("urn:custodian", "custodian-api",
                Instant.now(), Instant.now().plusSeconds(300)));
    }

    /** Name of the forgery to the token. */
    Map<String, String> all() throws Exception {
        Map<String, String> forged = new LinkedHashMap<>();
        Instant now = Instant.now();
        JWTClaimsSet valid = claims("urn:custodian", "custodian-api", now, now.plusSeconds(300));
        String genuine = genuine();
        String[] parts = genuine.split("\\.");
        KeyPair attacker = rsa();

        forged.put("alg none", encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        forged.put("alg None", encode("{\"alg\":\"None\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(serverPublicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        forged.put("HS256 keyed with the public key (PEM)", hs256(pem.getBytes(StandardCharsets.US_ASCII), parts[1]));
        forged.put("HS256 keyed with the public key (DER)", hs256(serverPublicKey.getEncoded(), parts[1]));
        forged.put("signature stripped", parts[0] + "." + parts[1] + ".");
        forged.put("signature zeroed", parts[0] + "." + parts[1] + "." + URL.encodeToString(new byte[256]));
        forged.put("payload changed, signature kept", parts[0] + "." + encode(claims("urn:custodian",
                "custodian-api", now, now.plusSeconds(300)).toJSONObject().toString()
                .replace("\"" + user + "\"", "\"operator\"")) + "." + parts[2]);
        forged.put("groups raised, signature kept", parts[0] + "." + encode(new String(Base64.getUrlDecoder()
                .decode(parts[1]), StandardCharsets.UTF_8).replace("\"groups\":[", "\"groups\":[\"OPERATOR\",")) + "."
                + parts[2]);
        RSAKey attackerJwk = new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).build();
        forged.put("foreign key in jwk header", sign((RSAPrivateKey) attacker.getPrivate(),
                header(null).jwk(attackerJwk).build(), valid));
        forged.put("foreign key by jku", sign((RSAPrivateKey) attacker.getPrivate(),
                header(null).jwkURL(URI.create("http://127.0.0.1:9/jwks.json")).build(), valid));
        forged.put("server's kid, foreign key", sign((RSAPrivateKey) attacker.getPrivate(),
                header(kid(serverPublicKey)).build(), valid));
        forged.put("kid path traversal", sign((RSAPrivateKey) attacker.getPrivate(),
                header("../../../../../../dev/null").build(), valid));
        forged.put("kid SQL", sign((RSAPrivateKey) attacker.getPrivate(), header("x' or '1'='1").build(), valid));
        forged.put("no kid, foreign key", sign((RSAPrivateKey) attacker.getPrivate(), header(null).build(), valid));
        forged.put("ES256 with r = s = 0", encode("{\"alg\":\"ES256\",\"typ\":\"JWT\"}") + "." + parts[1] + "."
                + URL.encodeToString(new byte[64]));
        forged.put("ES256 with r = s = 0 (DER)", encode("{\"alg\":\"ES256\",\"typ\":\"JWT\"}") + "." + parts[1]
                + "." + URL.encodeToString(new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00}));
        forged.put("expired", sign(serverKey, header(kid(serverPublicKey)).build(), claims("urn:custodian",
                "custodian-api", now.minusSeconds(1200), now.minusSeconds(300))));
        forged.put("wrong issuer", sign(serverKey, header(kid(serverPublicKey)).build(), claims(
                "https://evil.example", "custodian-api", now, now.plusSeconds(300))));
        forged.put("wrong audience", sign(serverKey, header(kid(serverPublicKey)).build(), claims("urn:custodian",
                "someone-else", now, now.plusSeconds(300))));
        forged.put("signed by the published development key", Tokens.sign(DevKeys.signingKey(), valid));
        forged.put("two dots only", "..");
        forged.put("not base64", "%%%.%%%.%%%");
        return forged;
    }

    private JWTClaimsSet claims(String issuer, String audience, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(user).claim("upn", user)
                .claim("groups", groups).claim("region", List.of("EU")).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).build();
    }

    private static JWSHeader.Builder header(String kid) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
        return kid == null ? header : header.keyID(kid);
    }

    private static String sign(RSAPrivateKey key, JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String hs256(byte[] key, String payload) throws Exception {
        String input = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return input + "." + URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String kid(RSAPublicKey key) throws Exception {
        return new RSAKey.Builder(key).build().computeThumbprint().toString();
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
