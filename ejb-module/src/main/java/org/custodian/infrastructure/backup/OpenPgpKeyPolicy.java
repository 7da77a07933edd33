package org.custodian.infrastructure.backup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReason;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;

/**
 * Which key of a ring may be used for what. Bouncy Castle parses packets but leaves this policy to the caller
 * ({@code PGPPublicKey.isEncryptionKey()} looks only at the algorithm, so an RSA key certified for signing only
 * would pass), so the rules gpg applies are spelled out here: v4 keys, verified self- and binding signatures, key
 * flags, expiry and revocation.
 */
final class OpenPgpKeyPolicy {

    /** What a key is wanted for. */
    enum Use {
        ENCRYPT("encryption"),
        SIGN("signing");

        private final String noun;

        Use(String noun) {
            this.noun = noun;
        }
    }

    /** The usable keys of one ring, best first, and why the others were passed over (for error messages). */
    record Selection(List<PGPPublicKey> usable, List<String> problems) {
    }

    private OpenPgpKeyPolicy() {
    }

    /**
     * Which keys of a ring may be used for {@code use} at time {@code at}: subkeys first, newest first (what gpg
     * picks), then the primary key. The primary key must be valid for any of them to be; revocations and expiry
     * count, and so do key flags, since the algorithm alone does not say what a key is certified for.
     */
    static Selection select(PGPPublicKeyRing ring, Use use, Date at) {
        PGPPublicKey primary = ring.getPublicKey();
        List<PGPPublicKey> candidates = new ArrayList<>();
        for (PGPPublicKey key : ring) {
            if (!key.isMasterKey()) {
                candidates.add(key);
            }
        }
        candidates.sort(Comparator.comparing(PGPPublicKey::getCreationTime).reversed());
        candidates.add(primary);

        List<PGPPublicKey> usable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PGPPublicKey key : candidates) {
            String problem = problem(primary, key, use, at);
            if (problem == null) {
                usable.add(key);
            } else {
                problems.add(OpenPgpKeys.fingerprint(key) + (key.isMasterKey() ? " (primary)" : " (subkey)") + ": "
                        + problem);
            }
        }
        return new Selection(usable, problems);
    }

    /** The same choice for a secret ring; only keys whose secret part is present (not a gpg stub) qualify. */
    static List<PGPSecretKey> selectSecret(PGPSecretKeyRing ring, Use use, Date at, List<String> problems) {
        Selection selection = select(OpenPgpKeys.publicRing(ring), use, at);
        problems.addAll(selection.problems());
        List<PGPSecretKey> usable = new ArrayList<>();
        for (PGPPublicKey key : selection.usable()) {
            PGPSecretKey secret = ring.getSecretKey(key.getKeyID());
            if (secret == null || secret.isPrivateKeyEmpty()) {
                problems.add(OpenPgpKeys.fingerprint(key)
                        + ": its secret part is not in the given key (exported as a stub?)");
            } else {
                usable.add(secret);
            }
        }
        return usable;
    }

    static String describeProblems(String fingerprint, Use use, List<String> problems) {
        return "key " + fingerprint + " has no usable " + use.noun + " key (" + String.join("; ", problems) + ")";
    }

    /** Whether the algorithm can do {@code use} at all (key flags may narrow this further). */
    static boolean algorithmCan(PGPPublicKey key, Use use) {
        if (use == Use.ENCRYPT) {
            return key.isEncryptionKey();
        }
        return switch (key.getAlgorithm()) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_SIGN, PublicKeyAlgorithmTags.DSA,
                    PublicKeyAlgorithmTags.ECDSA, PublicKeyAlgorithmTags.EDDSA_LEGACY,
                    PublicKeyAlgorithmTags.Ed25519, PublicKeyAlgorithmTags.Ed448 -> true;
            default -> false;
        };
    }

    /**
     * Whether the key is certified for {@code use} at all, whatever its expiry or revocation: for decryption,
     * where a retired key must still open the backups made while it was current.
     */
    static boolean certifiedFor(PGPPublicKey primary, PGPPublicKey key, Use use) {
        if (!algorithmCan(key, use)) {
            return false;
        }
        PGPSignature signature = key.isMasterKey() ? newestSelfSignature(primary, null) : newestBinding(primary, key, null);
        return signature != null && flagsAllow(signature, use);
    }

    /** Key flags narrow what the algorithm allows; without the subpacket (old keys) the algorithm decides. */
    private static boolean flagsAllow(PGPSignature selfSignature, Use use) {
        PGPSignatureSubpacketVector hashed = selfSignature.getHashedSubPackets();
        if (hashed == null || !hashed.hasSubpacket(SignatureSubpacketTags.KEY_FLAGS)) {
            return true;
        }
        int wanted = use == Use.ENCRYPT ? KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE : KeyFlags.SIGN_DATA;
        return (hashed.getKeyFlags() & wanted) != 0;
    }

    /** Null if {@code key} (the primary or one of its subkeys) may be used for {@code use} at {@code at}, else why not. */
    private static String problem(PGPPublicKey primary, PGPPublicKey key, Use use, Date at) {
        if (primary.getVersion() != 4) {
            return "OpenPGP v" + primary.getVersion() + " keys are not supported (gpg 2.2 makes v4 keys)";
        }
        if (revoked(primary.getSignaturesOfType(PGPSignature.KEY_REVOCATION), primary, primary, at)) {
            return "the primary key is revoked";
        }
        PGPSignature selfSignature = newestSelfSignature(primary, at);
        if (selfSignature == null) {
            return "the primary key has no valid self-signature dated before " + at.toInstant()
                    + " (damaged key, or its clock was ahead?)";
        }
        String expired = expired(primary, selfSignature, at);
        if (expired != null) {
            return "the primary key " + expired;
        }
        PGPSignature binding = selfSignature;
        if (!key.isMasterKey()) {
            if (revoked(key.getSignaturesOfType(PGPSignature.SUBKEY_REVOCATION), primary, key, at)) {
                return "revoked";
            }
            binding = newestBinding(primary, key, at);
            if (binding == null) {
                return "no valid binding signature from the primary key";
            }
            expired = expired(key, binding, at);
            if (expired != null) {
                return expired;
            }
        }
        if (!algorithmCan(key, use)) {
            return "its algorithm cannot be used for " + use.noun;
        }
        if (!flagsAllow(binding, use)) {
            return "its key flags do not allow " + use.noun;
        }
        if (use == Use.SIGN && !key.isMasterKey() && !hasBackSignature(primary, key, binding)) {
            return "a signing subkey without a valid primary-key binding (back) signature";
        }
        return null;
    }

    /**
     * A hard revocation (compromised, or no reason given) voids the key for all time; a soft one (superseded,
     * retired) only from its date, so that older signatures stay good. A revocation issued by someone other
     * than the primary key (a designated revoker) cannot be checked here and is honoured, to err on the safe side.
     */
    private static boolean revoked(Iterator<PGPSignature> revocations, PGPPublicKey primary, PGPPublicKey key, Date at) {
        while (revocations.hasNext()) {
            PGPSignature revocation = revocations.next();
            if (revocation.getKeyID() == primary.getKeyID()) {
                boolean valid = key == primary
                        ? verifies(revocation, primary, s -> s.verifyCertification(primary))
                        : verifies(revocation, primary, s -> s.verifyCertification(primary, key));
                if (!valid) {
                    continue;
                }
            }
            if (hardRevocation(revocation) || !revocation.getCreationTime().after(at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hardRevocation(PGPSignature revocation) {
        PGPSignatureSubpacketVector hashed = revocation.getHashedSubPackets();
        RevocationReason reason = hashed == null ? null : hashed.getRevocationReason();
        if (reason == null) {
            return true;
        }
        byte code = reason.getRevocationReason();
        return code != RevocationReasonTags.KEY_SUPERSEDED && code != RevocationReasonTags.KEY_RETIRED
                && code != RevocationReasonTags.USER_NO_LONGER_VALID;
    }

    /** The newest verified user-ID certification or direct-key signature by the primary key itself. */
    private static PGPSignature newestSelfSignature(PGPPublicKey primary, Date at) {
        PGPSignature newest = null;
        Iterator<byte[]> userIds = primary.getRawUserIDs();
        while (userIds.hasNext()) {
            byte[] userId = userIds.next();
            Iterator<PGPSignature> signatures = primary.getSignaturesForID(userId);
            while (signatures != null && signatures.hasNext()) {
                PGPSignature signature = signatures.next();
                int type = signature.getSignatureType();
                boolean certification = type == PGPSignature.DEFAULT_CERTIFICATION
                        || type == PGPSignature.NO_CERTIFICATION || type == PGPSignature.CASUAL_CERTIFICATION
                        || type == PGPSignature.POSITIVE_CERTIFICATION;
                if (certification && newer(signature, newest, primary, at)
                        && verifies(signature, primary, s -> s.verifyCertification(userId, primary))) {
                    newest = signature;
                }
            }
        }
        Iterator<PGPSignature> direct = primary.getSignaturesOfType(PGPSignature.DIRECT_KEY);
        while (direct.hasNext()) {
            PGPSignature signature = direct.next();
            if (newer(signature, newest, primary, at)
                    && verifies(signature, primary, s -> s.verifyCertification(primary))) {
                newest = signature;
            }
        }
        return newest;
    }

    private static PGPSignature newestBinding(PGPPublicKey primary, PGPPublicKey subkey, Date at) {
        PGPSignature newest = null;
        Iterator<PGPSignature> bindings = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        while (bindings.hasNext()) {
            PGPSignature binding = bindings.next();
            if (newer(binding, newest, primary, at)
                    && verifies(binding, primary, s -> s.verifyCertification(primary, subkey))) {
                newest = binding;
            }
        }
        return newest;
    }

    /**
     * Issued by the primary key, in force at {@code at} (any time if null), and newer than the best so far
     * (checked before the costlier verification).
     */
    private static boolean newer(PGPSignature signature, PGPSignature best, PGPPublicKey primary, Date at) {
        if (signature.getKeyID() != primary.getKeyID()) {
            return false;
        }
        if (at != null) {
            if (signature.getCreationTime().after(at)) {
                return false;
            }
            PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
            long lifetime = hashed == null ? 0 : hashed.getSignatureExpirationTime();
            if (lifetime > 0 && signature.getCreationTime().getTime() + lifetime * 1000 <= at.getTime()) {
                return false;
            }
        }
        return best == null || signature.getCreationTime().after(best.getCreationTime());
    }

    /** Null, or "expired on …" from the key-expiration subpacket (seconds after the key's creation; 0 = never). */
    private static String expired(PGPPublicKey key, PGPSignature selfSignature, Date at) {
        PGPSignatureSubpacketVector hashed = selfSignature.getHashedSubPackets();
        long lifetime = hashed == null ? 0 : hashed.getKeyExpirationTime();
        if (lifetime > 0) {
            long expiry = key.getCreationTime().getTime() + lifetime * 1000;
            if (expiry <= at.getTime()) {
                return "expired on " + new Date(expiry).toInstant();
            }
        }
        return null;
    }

    /** RFC 4880 5.2.1: a signing subkey must cross-certify its primary key, or anyone could claim someone else's subkey. */
    private static boolean hasBackSignature(PGPPublicKey primary, PGPPublicKey subkey, PGPSignature binding) {
        for (PGPSignatureSubpacketVector area : new PGPSignatureSubpacketVector[] {
                binding.getHashedSubPackets(), binding.getUnhashedSubPackets()}) {
            if (area == null) {
                continue;
            }
            try {
                PGPSignatureList embedded = area.getEmbeddedSignatures();
                for (PGPSignature backSignature : embedded) {
                    if (backSignature.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING
                            && verifies(backSignature, subkey, s -> s.verifyCertification(primary, subkey))) {
                        return true;
                    }
                }
            } catch (PGPException | RuntimeException e) {
                // an unreadable embedded signature is no back signature
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Check {
        boolean verify(PGPSignature signature) throws PGPException;
    }

    /** Any failure to verify (unknown algorithm, malformed packet) counts as "does not verify". */
    private static boolean verifies(PGPSignature signature, PGPPublicKey signer, Check check) {
        try {
            signature.init(OpenPgpKeys.VERIFIERS, signer);
            return check.verify(signature);
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }
}
