package org.custodian.infrastructure.backup;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * New OpenPGP keys in the shape gpg makes (RSA 3072, SHA-256 self-signatures, no expiry, no passphrase: the file
 * holding the secret key is what protects it): a signing key for this installation's backups, and for the demo an
 * operator's key pair (signing primary key and an encryption subkey) that backups are encrypted to.
 */
public final class OpenPgpKeyGenerator {

    private static final int RSA_BITS = 3072;

    private OpenPgpKeyGenerator() {
    }

    /** An armored secret and public key ring. */
    public record GeneratedKey(String armoredSecretKey, String armoredPublicKey, String fingerprint) {
    }

    public static GeneratedKey signingKey(String userId) {
        return generate(userId, false);
    }

    public static GeneratedKey signingAndEncryptionKey(String userId) {
        return generate(userId, true);
    }

    private static GeneratedKey generate(String userId, boolean encryptionSubkey) {
        try {
            Date now = new Date();
            PGPKeyPair primary = rsaKeyPair(now);
            PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
            primaryFlags.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
            primaryFlags.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA512});
            primaryFlags.setPreferredSymmetricAlgorithms(false,
                    new int[] {SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128});
            primaryFlags.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                    sha1, primaryFlags.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
            if (encryptionSubkey) {
                PGPSignatureSubpacketGenerator subkeyFlags = new PGPSignatureSubpacketGenerator();
                subkeyFlags.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
                rings.addSubKey(rsaKeyPair(now), subkeyFlags.generate(), null);
            }
            var secret = rings.generateSecretKeyRing();
            var publicRing = rings.generatePublicKeyRing();
            return new GeneratedKey(
                    new String(OpenPgpKeys.armor(secret::encode), StandardCharsets.US_ASCII),
                    new String(OpenPgpKeys.armor(publicRing::encode), StandardCharsets.US_ASCII),
                    OpenPgpKeys.fingerprint(publicRing.getPublicKey()));
        } catch (PGPException e) {
            throw new IllegalStateException("generating an OpenPGP key failed: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGPKeyPair rsaKeyPair(Date created) throws PGPException {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), RSA_BITS, 80));
        return new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), created);
    }
}
