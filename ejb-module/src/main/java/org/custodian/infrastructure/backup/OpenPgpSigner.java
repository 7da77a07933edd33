package org.custodian.infrastructure.backup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.custodian.infrastructure.backup.OpenPgpKeyPolicy.Use;

/**
 * Makes detached signatures with the backup signing key.
 * <p>
 * The key is unlocked once, when the signer is made; instances are immutable and safe to share between threads.
 */
public final class OpenPgpSigner {

    private final PGPPublicKey signingKey;
    private final PGPPrivateKey privateKey;
    private final String armoredPublicKey;

    private OpenPgpSigner(PGPPublicKey signingKey, PGPPrivateKey privateKey, PGPPublicKeyRing publicRing) {
        this.signingKey = signingKey;
        this.privateKey = privateKey;
        this.armoredPublicKey = new String(OpenPgpKeys.armor(publicRing::encode), StandardCharsets.US_ASCII);
    }

    /**
     * armored or one-line base64 secret key ring; passphrase may be empty (char[0]) for an unprotected key. Like
     * gpg, the newest valid signing subkey is used, else the primary key.
     *
     * @throws IllegalArgumentException if the text does not parse, holds other than one key ring, has no
     *         signing-capable secret key (revoked, expired, not certified for signing), or the passphrase is wrong
     */
    public static OpenPgpSigner fromSecretKey(String keyText, char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase (use char[0] for an unprotected key)");
        List<PGPSecretKeyRing> rings = OpenPgpKeys.secretKeyRings(keyText);
        if (rings.size() != 1) {
            throw new IllegalArgumentException("the signing key text holds " + rings.size()
                    + " key rings; give exactly one");
        }
        PGPSecretKeyRing ring = rings.get(0);
        String fingerprint = OpenPgpKeys.fingerprint(ring.getPublicKey());
        List<String> problems = new ArrayList<>();
        List<PGPSecretKey> usable = OpenPgpKeyPolicy.selectSecret(ring, Use.SIGN, new Date(), problems);
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("cannot sign: "
                    + OpenPgpKeyPolicy.describeProblems(fingerprint, Use.SIGN, problems));
        }
        PGPSecretKey secretKey = usable.get(0);
        PGPPrivateKey privateKey = OpenPgpKeys.privateKey(secretKey, passphrase);
        OpenPgpSigner signer = new OpenPgpSigner(secretKey.getPublicKey(), privateKey, OpenPgpKeys.publicRing(ring));
        signer.selfTest();
        return signer;
    }

    /**
     * ASCII-armored detached signature (binary document, SHA-256) over data; {@code gpg --verify sig.asc data}
     * accepts it once the public key is imported.
     */
    public byte[] signDetached(byte[] data) {
        Objects.requireNonNull(data, "data");
        PGPSignature signature = sign(data);
        return OpenPgpKeys.armor(signature::encode);
    }

    /** Upper-case hex fingerprint of the signing key (the subkey if a signing subkey is used). */
    public String fingerprint() {
        return OpenPgpKeys.fingerprint(signingKey);
    }

    /** The public key ring (primary + subkeys), ASCII-armored, for auditors to import into gpg. */
    public String armoredPublicKey() {
        return armoredPublicKey;
    }

    private PGPSignature sign(byte[] data) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(signingKey.getAlgorithm(), HashAlgorithmTags.SHA256));
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, new Date());
            // The issuer fingerprint lets gpg name the exact key; Bouncy Castle adds the issuer key ID itself.
            hashed.setIssuerFingerprint(false, signingKey);
            generator.setHashedSubpackets(hashed.generate());
            generator.update(data);
            return generator.generate();
        } catch (PGPException e) {
            throw new IllegalStateException("signing failed with key " + fingerprint() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Some secret-key protections carry only a 16-bit checksum, so a wrong passphrase can slip through
     * extraction; a signature that does not verify catches that (and a damaged key) before any manifest is signed.
     */
    private void selfTest() {
        byte[] probe = "custodian signing key self-test".getBytes(StandardCharsets.US_ASCII);
        boolean verified;
        try {
            PGPSignature signature = sign(probe);
            signature.init(OpenPgpKeys.VERIFIERS, signingKey);
            signature.update(probe);
            verified = signature.verify();
        } catch (PGPException | RuntimeException e) {
            verified = false;
        }
        if (!verified) {
            throw new IllegalArgumentException("secret key " + fingerprint() + " does not produce valid signatures:"
                    + " the passphrase is wrong or the key is damaged");
        }
    }
}
