package org.custodian.infrastructure.backup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.custodian.infrastructure.backup.OpenPgpKeyPolicy.Use;

/**
 * Checks detached signatures without any secret key.
 * <p>
 * Immutable and safe to share between threads.
 */
public final class OpenPgpVerifier {

    private final PGPPublicKeyRing ring;

    private OpenPgpVerifier(PGPPublicKeyRing ring) {
        this.ring = ring;
    }

    /**
     * armored or one-line base64 public key ring.
     *
     * @throws IllegalArgumentException if the text does not parse, is a secret key, or holds other than one ring
     */
    public static OpenPgpVerifier fromPublicKey(String keyText) {
        List<PGPPublicKeyRing> rings = OpenPgpKeys.publicKeyRings(keyText);
        if (rings.size() != 1) {
            throw new IllegalArgumentException("the verification key text holds " + rings.size()
                    + " key rings; give exactly one");
        }
        return new OpenPgpVerifier(rings.get(0));
    }

    /**
     * true only if signature (armored or binary) is a valid signature over data by this key (primary or any
     * subkey); false for a mismatch, another key, or unparseable signature bytes — never throws for bad input.
     * <p>
     * The key must have been valid for signing when the signature was made (not revoked, not expired, certified
     * for signing). If the signature packet holds several signatures, those by other keys are ignored and all
     * of those by this key must verify.
     */
    public boolean verifyDetached(byte[] data, byte[] signature) {
        Objects.requireNonNull(data, "data");
        if (signature == null || signature.length == 0) {
            return false;
        }
        try {
            List<PGPSignature> signatures = signatures(signature);
            boolean any = false;
            for (PGPSignature candidate : signatures) {
                PGPPublicKey key = ring.getPublicKey(candidate.getKeyID());
                if (key == null) {
                    continue;
                }
                any = true;
                if (!verifies(candidate, key, data)) {
                    return false;
                }
            }
            return any;
        } catch (IOException | PGPException | RuntimeException e) {
            return false;
        }
    }

    /** Upper-case hex fingerprint of the primary key. */
    public String fingerprint() {
        return OpenPgpKeys.fingerprint(ring.getPublicKey());
    }

    private boolean verifies(PGPSignature signature, PGPPublicKey key, byte[] data) throws PGPException {
        int type = signature.getSignatureType();
        if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
            return false; // a key certification or the like is no signature over a document
        }
        if (signature.getHashAlgorithm() == HashAlgorithmTags.MD5) {
            return false; // broken, and refused by gpg too
        }
        boolean usable = OpenPgpKeyPolicy.select(ring, Use.SIGN, signature.getCreationTime()).usable().stream()
                .anyMatch(k -> k.getKeyID() == key.getKeyID());
        if (!usable) {
            return false;
        }
        signature.init(OpenPgpKeys.VERIFIERS, key);
        signature.update(data);
        return signature.verify();
    }

    /** The signatures in a detached-signature file; gpg may wrap them in a compressed packet. */
    private static List<PGPSignature> signatures(byte[] encoded) throws IOException, PGPException {
        List<PGPSignature> signatures = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(encoded))) {
            collect(new BcPGPObjectFactory(in), signatures);
        }
        return signatures;
    }

    private static void collect(BcPGPObjectFactory factory, List<PGPSignature> signatures)
            throws IOException, PGPException {
        Object object;
        while ((object = factory.nextObject()) != null) {
            if (object instanceof PGPSignatureList list) {
                list.forEach(signatures::add);
            } else if (object instanceof PGPCompressedData compressed) {
                collect(new BcPGPObjectFactory(compressed.getDataStream()), signatures);
            } else if (!(object instanceof PGPMarker)) {
                throw new PGPException("not a detached signature: " + object.getClass().getSimpleName());
            }
        }
    }
}
