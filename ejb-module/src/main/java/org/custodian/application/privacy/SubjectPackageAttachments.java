package org.custodian.application.privacy;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.custodian.domain.model.attachment.Attachment;
import org.custodian.domain.model.attachment.AttachmentKeys;
import org.custodian.domain.model.attachment.AttachmentVault;
import org.custodian.domain.model.attachment.ContentSniffer;

/**
 * The subject's attachments in their package (#24), as files under {@code attachments/}. Each is decrypted with the
 * key of the customer it was stored for into a private temporary file first, its SHA-256 checked against the one
 * recorded at upload, and only then copied into the ZIP, so a damaged file is listed as unavailable instead of
 * breaking the package. Text files get the package's rule for texts (other people's personal data, card numbers and
 * secrets masked, the subject's own values kept: {@link SubjectPackageContent#redact}); other files are as stored.
 */
final class SubjectPackageAttachments {

    /** Text is redacted a block at a time, cut at a line end (no finding spans lines). */
    private static final int TEXT_BLOCK = 1 << 16;

    /**
     * One attachment as the package holds it.
     *
     * @param path the file in the ZIP, or null when it is not included ({@code unavailable} says why)
     * @param sha256 of the file as included (differs from the attachment's own when {@code redacted})
     */
    record Packaged(Attachment attachment, String path, long bytes, String sha256, boolean redacted,
            String unavailable) {
    }

    private SubjectPackageAttachments() {
    }

    static List<Packaged> write(ZipOutputStream zip, List<Attachment> attachments, AttachmentKeys keys,
            AttachmentVault vault, Set<String> own, Path workDirectory) throws IOException {
        List<Packaged> packaged = new ArrayList<>();
        for (Attachment attachment : attachments) {
            Optional<char[]> key = keys.passphrase(attachment.getCustomerId());
            if (key.isEmpty()) {
                packaged.add(unavailable(attachment, "the content was destroyed with the customer's attachment key"
                        + " (an erasure)"));
                continue;
            }
            Path plain = Files.createTempFile(workDirectory, "attachment-", ".part");
            try {
                boolean redacted;
                try {
                    redacted = decrypt(attachment, key.get(), vault, own, plain);
                } catch (IOException e) {
                    packaged.add(unavailable(attachment, "the stored content failed its integrity check"));
                    continue;
                } finally {
                    Arrays.fill(key.get(), '\0');
                }
                String path = "attachments/" + attachment.getId() + "-" + safeName(attachment.getFilename());
                zip.putNextEntry(new ZipEntry(path));
                Files.copy(plain, zip);
                zip.closeEntry();
                packaged.add(new Packaged(attachment, path, Files.size(plain), sha256(plain), redacted, null));
            } finally {
                Files.deleteIfExists(plain);
            }
        }
        return packaged;
    }

    /** Decrypts into {@code target}, redacting text; fails if the plaintext is not the one recorded at upload. */
    private static boolean decrypt(Attachment attachment, char[] key, AttachmentVault vault, Set<String> own,
            Path target) throws IOException {
        MessageDigest plaintext = digest();
        boolean redacted = false;
        try (InputStream in = new DigestInputStream(vault.reader(attachment, key), plaintext);
                OutputStream out = Files.newOutputStream(target)) {
            if (ContentSniffer.isTextType(attachment.getContentType())) {
                redacted = redactText(in, out, own);
            } else {
                in.transferTo(out);
            }
        }
        if (!HexFormat.of().formatHex(plaintext.digest()).equals(attachment.getContentSha256())) {
            throw new IOException("attachment " + attachment.getId() + " does not match its recorded SHA-256");
        }
        return redacted;
    }

    private static boolean redactText(InputStream in, OutputStream out, Set<String> own) throws IOException {
        boolean changed = false;
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        Writer writer = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush(); // the caller closes the file
            }
        }, StandardCharsets.UTF_8));
        char[] buffer = new char[TEXT_BLOCK];
        StringBuilder pending = new StringBuilder();
        int n;
        while ((n = reader.read(buffer)) > 0) {
            pending.append(buffer, 0, n);
            int cut = pending.lastIndexOf("\n");
            if (cut >= 0) {
                changed |= emit(pending.substring(0, cut + 1), writer, own);
                pending.delete(0, cut + 1);
            } else if (pending.length() >= 4 * TEXT_BLOCK) {
                // one very long line: cut it anyway, so memory stays bounded
                changed |= emit(pending.toString(), writer, own);
                pending.setLength(0);
            }
        }
        changed |= emit(pending.toString(), writer, own);
        // drain whatever the reader left (e.g. a last incomplete UTF-8 sequence), so the hash covers all the bytes
        in.transferTo(OutputStream.nullOutputStream());
        writer.close();
        return changed;
    }

    private static boolean emit(String text, Writer writer, Set<String> own) throws IOException {
        String shown = SubjectPackageContent.redact(text, own);
        writer.write(shown);
        return !shown.equals(text);
    }

    private static Packaged unavailable(Attachment attachment, String why) {
        return new Packaged(attachment, null, 0, null, false, why);
    }

    /** A file name safe in any unzip tool: no separators, no leading dot, nothing outside letters/digits/._- */
    static String safeName(String name) {
        String safe = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").replaceAll("^[. ]+", "_");
        return safe.isEmpty() ? "file" : safe;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            Files.copy(file, sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
