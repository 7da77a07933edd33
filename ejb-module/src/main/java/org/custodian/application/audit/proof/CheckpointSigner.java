package org.custodian.application.audit.proof;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.custodian.application.shared.NotConfiguredException;
import org.custodian.domain.model.audit.AuditCheckpoint;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs and verifies checkpoints with the key pair from configuration: Ed25519 (JDK built-in) or ECDSA P-256
 * with SHA-256. The key id is the first 16 hex digits of SHA-256 over the public key's X.509 encoding, so an
 * auditor can tell which key a checkpoint claims without trusting the server.
 */
@ApplicationScoped
public class CheckpointSigner {

    @Inject
    @ConfigProperty(name = "custodian.audit.signing-key")
    Optional<String> signingKeyText;

    @Inject
    @ConfigProperty(name = "custodian.audit.verify-key")
    Optional<String> verifyKeyText;

    /**
     * Public keys of rotated-out signing keys, separated by commas (one-line base64 or PEM each): checkpoints
     * they signed keep verifying after a rotation. A checkpoint naming a key that is in neither setting fails.
     */
    @Inject
    @ConfigProperty(name = "custodian.audit.retired-verify-keys")
    Optional<String> retiredKeysText;

    private PrivateKey signingKey;
    private PublicKey verifyKey;
    private final Map<String, PublicKey> verifyKeysById = new HashMap<>();
    private String algorithm;
    private String keyId;

    @PostConstruct
    void loadKeys() {
        if (verifyKeyText.isPresent()) {
            verifyKey = publicKey(verifyKeyText.get());
            algorithm = algorithmOf(verifyKey);
            keyId = keyIdOf(verifyKey);
            verifyKeysById.put(keyId, verifyKey);
        }
        if (retiredKeysText.isPresent()) {
            for (String text : retiredKeysText.get().split(",")) {
                if (!text.isBlank()) {
                    PublicKey retired = publicKey(text);
                    verifyKeysById.putIfAbsent(keyIdOf(retired), retired);
                }
            }
        }
        if (signingKeyText.isPresent()) {
            signingKey = privateKey(signingKeyText.get());
        }
    }

    public boolean canSign() {
        return signingKey != null && verifyKey != null;
    }

    public String algorithm() {
        return algorithm;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key in PEM, for auditors. */
    public String publicKeyPem() {
        return verifyKey == null ? null : "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(verifyKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Base64 of the signature over the bytes. */
    public String sign(byte[] statement) {
        if (!canSign()) {
            throw new NotConfiguredException("no checkpoint key is configured: set custodian.audit.signing-key and"
                    + " custodian.audit.verify-key (CUSTODIAN_AUDIT_SIGNING_KEY, CUSTODIAN_AUDIT_VERIFY_KEY; see"
                    + " docs/configuration.md)");
        }
        try {
            Signature signature = Signature.getInstance(jcaName(algorithm));
            signature.initSign(signingKey);
            signature.update(statement);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a checkpoint failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the checkpoint carries a valid signature by the current or a retired key it names. The algorithm is
     * the key's own; the stored label is not trusted, only required to agree.
     */
    public boolean verify(AuditCheckpoint checkpoint) {
        PublicKey key = verifyKeysById.get(checkpoint.getKeyId());
        if (key == null || !algorithmOf(key).equals(checkpoint.getAlgorithm())) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(jcaName(algorithmOf(key)));
            signature.initVerify(key);
            signature.update(checkpoint.signedBytes());
            return signature.verify(Base64.getDecoder().decode(checkpoint.getSignature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** ES256 for an EC (P-256) key, Ed25519 otherwise: the only two kinds {@link #publicKey} accepts. */
    static String algorithmOf(PublicKey key) {
        return "EC".equals(key.getAlgorithm()) ? "ES256" : "Ed25519";
    }

    static String jcaName(String algorithm) {
        return "ES256".equals(algorithm) ? "SHA256withECDSA" : "Ed25519";
    }

    static String keyIdOf(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pem(String text) {
        return Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static PublicKey publicKey(String text) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(pem(text));
        for (String type : new String[] {"Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(spec);
            } catch (GeneralSecurityException e) {
                // try the next type
            }
        }
        throw new IllegalStateException("custodian.audit.verify-key or retired-verify-keys holds a key that is not an"
                + " X.509 Ed25519 or EC P-256 public key");
    }

    private static PrivateKey privateKey(String text) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pem(text));
        for (String type : new String[] {"Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next type
            }
        }
        throw new IllegalStateException("custodian.audit.signing-key is not a PKCS#8 Ed25519 or EC P-256 private key");
    }
}
