package org.custodian.infrastructure.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the literal data of an OpenPGP message encrypted under a passphrase (SKESK + SEIPD v1 with MDC, AES), as
 * {@link PgpMessageWriter} and gpg write it. The CFB decryption runs in bulk: each plaintext block is the ciphertext
 * block XOR the encryption of the previous ciphertext block, so a whole buffer's keystream is one AES/ECB call over
 * the ciphertext shifted by a block (the JDK runs ECB on AES-NI, several blocks at once). The literal packet's own
 * lengths say where it ends, so the 22-octet MDC after it is read and checked without looking ahead; it is checked
 * when the caller reaches the end, and a message whose MDC does not match fails there with an IOException.
 */
final class PgpMessageReader extends InputStream {

    private static final int BUFFER = 1 << 18;

    private final PgpPackets.Body encryptedBody;
    private final Cipher ecb;
    private final MessageDigest mdc;
    /** The previous ciphertext block, then ciphertext: keystream input and ciphertext in one array. */
    private final byte[] cipherText = new byte[PgpPackets.BLOCK + BUFFER];
    private final byte[] keyStream = new byte[BUFFER];
    private final byte[] plain = new byte[BUFFER];
    private int cipherFill;
    private boolean cipherEnded;
    private int plainStart;
    private int plainEnd;
    private final PgpPackets.Body literal;
    private boolean verified;
    /** Whether decrypted octets go into the MDC's hash (all before the MDC's own 20 octets). */
    private boolean hashing = true;

    private PgpMessageReader(PgpPackets.Body encryptedBody, byte[] key) throws IOException {
        this.encryptedBody = encryptedBody;
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            mdc = MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new IOException("AES and SHA-1 are required by every Java platform", e);
        }
        PgpPackets.Source clear = this::readClear;
        byte[] prefix = new byte[PgpPackets.BLOCK + 2];
        clear.readFully(prefix, 0, prefix.length);
        if (prefix[14] != prefix[16] || prefix[15] != prefix[17]) {
            throw new IOException("wrong key: the message does not open with this passphrase");
        }
        PgpPackets.Packet packet = PgpPackets.next(clear);
        while (packet != null && packet.tag() == PgpPackets.TAG_MARKER) {
            drain(packet.body());
            packet = PgpPackets.next(clear);
        }
        if (packet == null || packet.tag() != PgpPackets.TAG_LITERAL) {
            throw new IOException(packet != null && packet.tag() == PgpPackets.TAG_COMPRESSED
                    ? "the encrypted message is compressed: not a format Custodian writes"
                    : "the encrypted message holds no literal data");
        }
        literal = packet.body();
        byte[] head = new byte[2];
        literal.readFully(head, 0, 2);
        byte[] skip = new byte[(head[1] & 0xFF) + 4]; // the file name and the date
        literal.readFully(skip, 0, skip.length);
    }

    /** Opens a message: finds the key from the passphrase and starts decrypting. */
    static PgpMessageReader open(InputStream source, char[] passphrase) throws IOException {
        PgpPackets.Source raw = source::read;
        PgpPackets.Packet packet = PgpPackets.next(raw);
        while (packet != null && packet.tag() == PgpPackets.TAG_MARKER) {
            drain(packet.body());
            packet = PgpPackets.next(raw);
        }
        if (packet == null || packet.tag() != PgpPackets.TAG_SKESK) {
            throw new IOException("not an OpenPGP message encrypted with a passphrase");
        }
        byte[] key = sessionKey(packet.body(), passphrase);
        try {
            packet = PgpPackets.next(raw);
            if (packet == null || packet.tag() != PgpPackets.TAG_SEIPD) {
                throw new IOException(packet != null && packet.tag() == PgpPackets.TAG_SED
                        ? "the message has no integrity protection (MDC): refused"
                        : "the message holds no integrity-protected encrypted data");
            }
            if (packet.body().readByte() != 1) {
                throw new IOException("the encrypted data packet is not version 1");
            }
            return new PgpMessageReader(packet.body(), key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] sessionKey(PgpPackets.Body skesk, char[] passphrase) throws IOException {
        byte[] body = skesk.readAll();
        if (body.length < 4 || body[0] != 4) {
            throw new IOException("the key packet is not version 4");
        }
        int algorithm = body[1] & 0xFF;
        int type = body[2] & 0xFF;
        int hash = body[3] & 0xFF;
        int at = 4;
        byte[] salt = null;
        int count = 0;
        if (type == 1 || type == PgpPackets.S2K_ITERATED_SALTED) {
            salt = Arrays.copyOfRange(body, at, at + 8);
            at += 8;
            if (type == PgpPackets.S2K_ITERATED_SALTED) {
                count = body[at++] & 0xFF;
            }
        } else if (type != 0) {
            throw new IOException("the key packet's S2K type " + type + " is not supported");
        }
        byte[] key = PgpPackets.s2k(passphrase, type, hash, salt, count, PgpPackets.aesKeyBytes(algorithm));
        if (at == body.length) {
            return key;
        }
        // an encrypted session key: the first octet names its cipher, the rest is the key
        try {
            byte[] session = PgpPackets.cfb(Cipher.DECRYPT_MODE, key).doFinal(body, at, body.length - at);
            byte[] result = Arrays.copyOfRange(session, 1, session.length);
            if (result.length != PgpPackets.aesKeyBytes(session[0] & 0xFF)) {
                throw new IOException("wrong key: the message does not open with this passphrase");
            }
            Arrays.fill(session, (byte) 0);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt the session key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void drain(PgpPackets.Body body) throws IOException {
        byte[] skip = new byte[256];
        while (body.read(skip, 0, skip.length) >= 0) {
            // a marker packet's content means nothing
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        while ((n = read(one, 0, 1)) == 0) {
            // read returns at least one byte or the end
        }
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = literal.read(buffer, offset, length);
        if (n < 0) {
            verify();
        }
        return n;
    }

    /** After the literal packet: the MDC packet, its SHA-1 over everything before its hash, then the end. */
    private void verify() throws IOException {
        if (verified) {
            return;
        }
        byte[] header = new byte[2];
        readClearFully(header);
        byte[] expected = mdc.digest();
        byte[] stored = new byte[PgpPackets.MDC_LENGTH - 2];
        hashing = false;
        readClearFully(stored);
        if (header[0] != PgpPackets.MDC_HEADER[0] || header[1] != PgpPackets.MDC_HEADER[1]
                || !MessageDigest.isEqual(expected, stored) || readClear(new byte[1], 0, 1) >= 0) {
            throw new IOException("the integrity check (MDC) failed: the ciphertext was altered");
        }
        verified = true;
    }

    private void readClearFully(byte[] into) throws IOException {
        int at = 0;
        while (at < into.length) {
            int n = readClear(into, at, into.length - at);
            if (n < 0) {
                throw new IOException("the integrity check (MDC) failed: the message is cut short");
            }
            at += n;
        }
    }

    /** Decrypted octets of the encrypted packet, hashed for the MDC as they are handed out (until its hash). */
    private int readClear(byte[] into, int offset, int length) throws IOException {
        if (plainStart == plainEnd && !decryptMore()) {
            return -1;
        }
        int n = Math.min(length, plainEnd - plainStart);
        System.arraycopy(plain, plainStart, into, offset, n);
        if (hashing) {
            mdc.update(plain, plainStart, n);
        }
        plainStart += n;
        return n;
    }

    /** Reads ciphertext and decrypts the whole blocks of it (and, at the end, the last partial block). */
    private boolean decryptMore() throws IOException {
        while (!cipherEnded && cipherFill < BUFFER) {
            int n = encryptedBody.read(cipherText, PgpPackets.BLOCK + cipherFill, BUFFER - cipherFill);
            if (n < 0) {
                cipherEnded = true;
            } else {
                cipherFill += n;
                if (cipherFill >= PgpPackets.BLOCK * 64) {
                    break; // enough for one bulk step; no need to wait for a full buffer
                }
            }
        }
        int usable = cipherEnded ? cipherFill : cipherFill / PgpPackets.BLOCK * PgpPackets.BLOCK;
        if (usable == 0) {
            return false;
        }
        int blocks = (usable + PgpPackets.BLOCK - 1) / PgpPackets.BLOCK;
        try {
            ecb.update(cipherText, 0, blocks * PgpPackets.BLOCK, keyStream, 0);
        } catch (GeneralSecurityException e) {
            throw new IOException("decrypting failed: " + e.getMessage(), e);
        }
        // a plain byte loop: C2 compiles it to vector XORs (the long-VarHandle version stayed in the profile)
        for (int i = 0; i < usable; i++) {
            plain[i] = (byte) (cipherText[PgpPackets.BLOCK + i] ^ keyStream[i]);
        }
        plainStart = 0;
        plainEnd = usable;
        // the last whole ciphertext block feeds the next one; what is left of a block moves to the front
        if (usable >= PgpPackets.BLOCK) {
            System.arraycopy(cipherText, usable, cipherText, 0, PgpPackets.BLOCK);
        }
        System.arraycopy(cipherText, PgpPackets.BLOCK + usable, cipherText, PgpPackets.BLOCK, cipherFill - usable);
        cipherFill -= usable;
        return true;
    }
}
