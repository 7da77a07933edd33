import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Verifies a Custodian audit export offline, with nothing but a JDK (17 or newer) and the operator's public keys:
 *
 * <pre>
 *   java VerifyAuditExport.java custodian-audit-1-5000.jsonl audit-verify-key.pem [retired-key.pem | keys-dir ...]
 * </pre>
 *
 * Exit codes (docs/audit-format.md, "Verifying an export"): 0 OK, verified and covered by signatures; 1 BROKEN, a
 * check failed; 2 MALFORMED, not an export of this format; 3 UNSIGNED, consistent but not covered by a checkpoint
 * and the seal; 4 the verifier cannot run (arguments, key files). Written from docs/audit-format.md alone and
 * deliberately independent of the server's code.
 *
 * <p>One file of about 800 lines on purpose (the one documented exception to the 500-line rule,
 * docs/architecture.md): an auditor runs it as {@code java VerifyAuditExport.java}, and JDK 17's source launcher
 * (JEP 330) compiles exactly one file. Split, it would need a build step on the auditor's machine.
 */
public final class VerifyAuditExport {

    static final int OK = 0;
    static final int BROKEN = 1;
    static final int MALFORMED = 2;
    static final int UNSIGNED = 3;
    static final int CANNOT_RUN = 4;

    private static final HexFormat HEX = HexFormat.of();
    private static final String V1 = "custodian-audit-export-v1";
    private static final String V2 = "custodian-audit-export-v2";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern EVENT_TIME = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern FRONTIER = Pattern.compile("(0|[1-9][0-9]{0,18}):([0-9a-f]{64}(,[0-9a-f]{64})*)?");
    private static final Pattern BASE64 = Pattern.compile("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    private static final List<String> EVENT_TEXTS = List.of("occurredAt", "actor", "actorRoles", "action",
            "resourceType", "resourceId", "fields", "outcome", "requestId", "clientAddress");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            V1, Set.of("type", "format", "from", "to", "frontier", "previousHash", "algorithm", "keyId"),
            V2, Set.of("type", "format", "from", "to", "frontier", "previousHash", "exportedAt"),
            "event", Set.of("type", "sequence", "occurredAt", "actor", "actorRoles", "action", "resourceType",
                    "resourceId", "fields", "outcome", "requestId", "clientAddress", "previousHash", "hash"),
            "checkpoint", Set.of("type", "treeSize", "rootHash", "chainHash", "time", "algorithm", "keyId",
                    "signature"),
            "seal", Set.of("type", "events", "head", "root", "checkpointTreeSize", "checkpointRoot", "lines", "keyId",
                    "signature"));

    record Verdict(int exit, String text) {
    }

    record Checkpoint(long size, String root, String chain, String time, String algorithm, String keyId,
            String signature) {
    }

    /** What the first reading of the file found: its form is sound, nothing is verified yet. */
    static final class Export {
        Map<String, Object> header;
        final List<Checkpoint> checkpoints = new ArrayList<>();
        Map<String, Object> seal;
        String linesHash;
        long events;
        int part; // 0 header, 1 events, 2 checkpoints, 3 seal
    }

    /** A line that is not in the export format: exit 2. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;

        Malformed(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /** Verifies, prints the verdict line and returns the exit code. */
    static int run(PrintStream out, String... args) {
        Verdict verdict = verdict(args);
        out.println(verdict.text());
        return verdict.exit();
    }

    static Verdict verdict(String... args) {
        Path export = null;
        List<Path> keyFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--key".equals(args[i]) && i + 1 < args.length) {
                keyFiles.add(Path.of(args[++i]));
            } else if (export == null) {
                export = Path.of(args[i]);
            } else {
                keyFiles.add(Path.of(args[i]));
            }
        }
        if (export == null || keyFiles.isEmpty()) {
            return new Verdict(CANNOT_RUN, "usage: java VerifyAuditExport.java <export.jsonl> <public-key.pem or"
                    + " directory of them>... (or --key <public-key.pem>, repeated)");
        }
        Map<String, PublicKey> keys;
        try {
            keys = keys(keyFiles);
        } catch (IOException | IllegalArgumentException e) {
            return new Verdict(CANNOT_RUN, "CANNOT RUN: " + e.getMessage());
        }
        try {
            return verify(export, keys, read(export));
        } catch (Malformed e) {
            return new Verdict(MALFORMED, "MALFORMED at line " + e.line + ": " + e.getMessage());
        } catch (IOException e) {
            return new Verdict(CANNOT_RUN, "CANNOT RUN: " + export + " cannot be read: " + e);
        }
    }

    // ---------------------------------------------------------------- first reading: the form of every line

    private static Export read(Path file) throws IOException, Malformed {
        Export export = new Export();
        MessageDigest lines = digest();
        long[] count = {0};
        eachLine(file, (number, text, raw, length) -> {
            count[0] = number;
            Map<String, Object> line = Json.parse(text, number);
            String type = line.get("type") instanceof String t ? t : "";
            if (number == 1) {
                if (!"header".equals(type)) {
                    throw new Malformed(1, "the first line must be the header");
                }
                Object format = line.get("format");
                if (!V1.equals(format) && !V2.equals(format)) {
                    throw new Malformed(1, "the format is " + format + ", not " + V2 + " (or " + V1 + ")");
                }
                header(line, (String) format, number);
                export.header = line;
            } else if (export.part == 3) {
                throw new Malformed(number, "a line after the seal (the seal must be the last line)");
            } else if ("event".equals(type)) {
                order(export, 1, number, "an event line after a checkpoint line");
                event(line, number);
                export.events++;
            } else if ("checkpoint".equals(type)) {
                order(export, 2, number, "");
                Checkpoint checkpoint = checkpoint(line, number);
                List<Checkpoint> all = export.checkpoints;
                if (!all.isEmpty() && all.get(all.size() - 1).size() >= checkpoint.size()) {
                    throw new Malformed(number, "checkpoint lines must be in ascending tree size, each size once ("
                            + checkpoint.size() + " follows " + all.get(all.size() - 1).size() + ")");
                }
                all.add(checkpoint);
            } else if ("seal".equals(type) && V2.equals(export.header.get("format"))) {
                export.part = 3;
                seal(line, number);
                export.seal = line;
                export.linesHash = HEX.formatHex(lines.digest());
            } else if ("header".equals(type)) {
                throw new Malformed(number, "a second header");
            } else {
                throw new Malformed(number, "unknown line type \"" + type + "\"");
            }
            if (export.part != 3) {
                lines.update(raw, 0, length);
                lines.update((byte) '\n');
            }
        });
        if (count[0] == 0) {
            throw new Malformed(1, "the file is empty");
        }
        return export;
    }

    private static void order(Export export, int part, long number, String problem) throws Malformed {
        if (export.part > part) {
            throw new Malformed(number, problem);
        }
        export.part = part;
    }

    private static void header(Map<String, Object> line, String format, long number) throws Malformed {
        fields(line, FIELDS.get(format), number);
        long from = whole(line, "from", number);
        if (from < 1 || whole(line, "to", number) < from) {
            throw new Malformed(number, "the range must have 1 <= from <= to");
        }
        Matcher frontier = FRONTIER.matcher(text(line, "frontier", number));
        long size = -1;
        try {
            size = frontier.matches() ? Long.parseLong(frontier.group(1)) : -1;
        } catch (NumberFormatException e) {
            // too large: not a frontier
        }
        if (size < 0 || (frontier.group(2) == null ? 0 : frontier.group(2).split(",").length) != Long.bitCount(size)) {
            throw new Malformed(number, "frontier is not <size>:<peak>,... with one peak per set bit of size");
        }
        matching(line, "previousHash", HASH, number);
        if (V2.equals(format)) {
            matching(line, "exportedAt", TIME, number);
        } else {
            text(line, "algorithm", number);
            text(line, "keyId", number);
        }
    }

    private static void event(Map<String, Object> line, long number) throws Malformed {
        fields(line, FIELDS.get("event"), number);
        whole(line, "sequence", number);
        matching(line, "occurredAt", EVENT_TIME, number);
        for (String field : EVENT_TEXTS) {
            if (line.get(field) != null) {
                text(line, field, number);
            }
        }
        matching(line, "previousHash", HASH, number);
        matching(line, "hash", HASH, number);
    }

    private static Checkpoint checkpoint(Map<String, Object> line, long number) throws Malformed {
        fields(line, FIELDS.get("checkpoint"), number);
        String algorithm = text(line, "algorithm", number);
        if (!algorithm.equals("Ed25519") && !algorithm.equals("ES256")) {
            throw new Malformed(number, "algorithm must be Ed25519 or ES256");
        }
        return new Checkpoint(whole(line, "treeSize", number), matching(line, "rootHash", HASH, number),
                matching(line, "chainHash", HASH, number), matching(line, "time", TIME, number), algorithm,
                matching(line, "keyId", KEY_ID, number), matching(line, "signature", BASE64, number));
    }

    private static void seal(Map<String, Object> line, long number) throws Malformed {
        fields(line, FIELDS.get("seal"), number);
        whole(line, "events", number);
        for (String field : List.of("head", "root", "lines")) {
            matching(line, field, HASH, number);
        }
        if ((line.get("checkpointTreeSize") == null) != (line.get("checkpointRoot") == null)) {
            throw new Malformed(number, "checkpointTreeSize and checkpointRoot are both null or both set");
        }
        if (line.get("checkpointTreeSize") != null) {
            whole(line, "checkpointTreeSize", number);
            matching(line, "checkpointRoot", HASH, number);
        }
        matching(line, "keyId", KEY_ID, number);
        matching(line, "signature", BASE64, number);
    }

    private static void fields(Map<String, Object> line, Set<String> expected, long number) throws Malformed {
        for (String name : line.keySet()) {
            if (!expected.contains(name)) {
                throw new Malformed(number, "unknown key \"" + name + "\"");
            }
        }
        for (String name : expected) {
            if (!line.containsKey(name)) {
                throw new Malformed(number, "missing key \"" + name + "\"");
            }
        }
    }

    private static long whole(Map<String, Object> line, String field, long number) throws Malformed {
        if (line.get(field) instanceof Long value) {
            return value;
        }
        throw new Malformed(number, field + " must be a whole number");
    }

    private static String text(Map<String, Object> line, String field, long number) throws Malformed {
        if (line.get(field) instanceof String value) {
            return value;
        }
        throw new Malformed(number, field + " must be a string");
    }

    private static String matching(Map<String, Object> line, String field, Pattern pattern, long number)
            throws Malformed {
        String value = text(line, field, number);
        if (!pattern.matcher(value).matches()) {
            throw new Malformed(number, field + " is not in its format: " + value);
        }
        return value;
    }

    // ---------------------------------------------------------------- second reading: hashes and signatures

    private static Verdict verify(Path file, Map<String, PublicKey> keys, Export export)
            throws IOException, Malformed {
        Map<String, Object> header = export.header;
        long from = (Long) header.get("from");
        long to = (Long) header.get("to");
        Frontier frontier = Frontier.decode((String) header.get("frontier"));
        if (frontier.size != from - 1) {
            return brokenAt(from, "the header's tree edge has " + frontier.size + " leaves, not " + (from - 1));
        }
        String[] previous = {(String) header.get("previousHash")};
        if (from == 1 && !"0".repeat(64).equals(previous[0])) {
            return brokenAt(1, "the first event must follow the genesis hash (64 zeros)");
        }
        List<Checkpoint> checkpoints = export.checkpoints;
        long[] state = {from, from - 1, 0}; // next sequence expected, last checkpoint that held, checkpoints passed
        Verdict[] failure = {null};
        eachLine(file, (number, text, raw, length) -> {
            if (failure[0] != null || number < 2 || number > 1 + export.events) {
                return; // the first reading found the events on these lines, and only there
            }
            Map<String, Object> event = Json.parse(text, number);
            long sequence = (Long) event.get("sequence");
            if (sequence != state[0]) {
                failure[0] = brokenAt(state[0], "found sequence " + sequence + " instead");
                return;
            }
            if (sequence > to) {
                failure[0] = brokenAt(sequence, "an event after the header's end " + to);
                return;
            }
            byte[] canonical = canonical(event).getBytes(StandardCharsets.UTF_8);
            String hash = HEX.formatHex(sha256(new byte[0], canonical));
            if (!previous[0].equals(event.get("previousHash")) || !hash.equals(event.get("hash"))) {
                failure[0] = brokenAt(sequence, "the hash chain does not hold");
                return;
            }
            frontier.append(sha256(new byte[] {0x00}, canonical));
            int next = (int) state[2];
            if (next < checkpoints.size() && checkpoints.get(next).size() == sequence) {
                String problem = checkCheckpoint(checkpoints.get(next), frontier.root(), hash, keys);
                if (problem != null) {
                    failure[0] = brokenAfter(state[1], to, problem);
                    return;
                }
                state[1] = sequence;
                state[2]++;
            }
            previous[0] = hash;
            state[0]++;
        });
        if (failure[0] != null) {
            return failure[0];
        }
        long lastGood = state[1];
        if (state[0] - 1 != to) {
            return brokenAt(state[0], "the export ends before the header's end " + to);
        }
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.size() < from || checkpoint.size() > to) {
                return brokenAfter(lastGood, to, "checkpoint " + checkpoint.size() + " lies outside " + from + ".."
                        + to);
            }
        }
        String range = "events=" + (to - from + 1) + " (" + from + ".." + to + ") checkpoints=" + checkpoints.size();
        if (export.seal == null) {
            return new Verdict(UNSIGNED, "UNSIGNED " + range + ": " + (V1.equals(header.get("format"))
                    ? "a " + V1 + " export has no seal" : "the seal (the last line) is missing") + ", so "
                    + (checkpoints.isEmpty() ? "nothing in it is signed" : "the header and the events after checkpoint "
                    + lastGood + " are not signed"));
        }
        String problem = checkSeal(export, frontier.root(), previous[0], keys);
        if (problem != null) {
            return brokenAfter(lastGood, to, problem);
        }
        if (checkpoints.isEmpty()) {
            return new Verdict(UNSIGNED, "UNSIGNED " + range + ": no checkpoint in the range; the seal made at export"
                    + " time " + header.get("exportedAt") + " does not bind the events to the trail as it was signed"
                    + " before (export up to a checkpoint's treeSize)");
        }
        return new Verdict(OK, "OK " + range + " newest=" + lastGood + " sealed=" + header.get("exportedAt")
                + " key=" + export.seal.get("keyId") + (lastGood < to ? " (events " + (lastGood + 1) + ".." + to
                + " are covered by the seal only, signed at export time)" : ""));
    }

    private static Verdict brokenAt(long sequence, String reason) {
        return new Verdict(BROKEN, "BROKEN at sequence " + sequence + ": " + reason);
    }

    /**
     * A signature or signed value that fails: the first sequence after the last checkpoint that held is the first
     * one no longer proven (a signed root cannot say which of its leaves changed), or the seal when all still are.
     */
    private static Verdict brokenAfter(long lastProven, long to, String reason) {
        return lastProven >= to ? new Verdict(BROKEN, "BROKEN at the seal: " + reason) : brokenAt(lastProven + 1, reason);
    }

    private static String checkCheckpoint(Checkpoint checkpoint, byte[] root, String chainHash,
            Map<String, PublicKey> keys) {
        String statement = "custodian-checkpoint-v1\n" + "tree-size " + checkpoint.size() + "\n" + "root "
                + checkpoint.root() + "\n" + "chain " + checkpoint.chain() + "\n" + "time " + checkpoint.time() + "\n";
        String problem = checkSignature("checkpoint " + checkpoint.size(), checkpoint.keyId(), checkpoint.algorithm(),
                checkpoint.signature(), statement, keys);
        if (problem != null) {
            return problem;
        }
        if (!HEX.formatHex(root).equals(checkpoint.root())) {
            return "the events up to " + checkpoint.size() + " do not hash to the signed root";
        }
        if (!chainHash.equals(checkpoint.chain())) {
            return "the chain hash at " + checkpoint.size() + " differs from the signed one";
        }
        return null;
    }

    private static String checkSeal(Export export, byte[] root, String head, Map<String, PublicKey> keys) {
        Map<String, Object> header = export.header;
        Map<String, Object> seal = export.seal;
        Object checkpointSize = seal.get("checkpointTreeSize");
        String statement = "custodian-export-seal-v1\n" + "format " + V2 + "\n" + "from " + header.get("from") + "\n"
                + "to " + header.get("to") + "\n" + "frontier " + header.get("frontier") + "\n" + "previous "
                + header.get("previousHash") + "\n" + "exported " + header.get("exportedAt") + "\n" + "events "
                + seal.get("events") + "\n" + "head " + seal.get("head") + "\n" + "root " + seal.get("root") + "\n"
                + "checkpoint " + (checkpointSize == null ? "none" : checkpointSize + " " + seal.get("checkpointRoot"))
                + "\n" + "lines " + seal.get("lines") + "\n" + "key " + seal.get("keyId") + "\n";
        String problem = checkSignature("the seal", (String) seal.get("keyId"), null, (String) seal.get("signature"),
                statement, keys);
        if (problem != null) {
            return problem + " (the header or the seal was changed)";
        }
        long events = (Long) header.get("to") - (Long) header.get("from") + 1;
        List<Checkpoint> checkpoints = export.checkpoints;
        Checkpoint newest = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
        if ((Long) seal.get("events") != events) {
            return "the seal counts " + seal.get("events") + " events, the export has " + events;
        }
        if (!head.equals(seal.get("head")) || !HEX.formatHex(root).equals(seal.get("root"))) {
            return "the last event's hash or the tree's root is not the one sealed: events were changed or cut";
        }
        if (newest == null ? checkpointSize != null : !(checkpointSize instanceof Long size && size == newest.size()
                && newest.root().equals(seal.get("checkpointRoot")))) {
            return "the newest checkpoint is not the one sealed (" + (checkpointSize == null ? "none" : checkpointSize)
                    + "): checkpoint lines were removed or added";
        }
        if (!export.linesHash.equals(seal.get("lines"))) {
            return "the lines before the seal are not the bytes that were sealed";
        }
        return null;
    }

    /** Null when the signature verifies with the given key that {@code keyId} names, in that key's algorithm. */
    private static String checkSignature(String what, String keyId, String label, String signatureBase64,
            String statement, Map<String, PublicKey> keys) {
        PublicKey key = keys.get(keyId);
        if (key == null) {
            return "the signature of " + what + " names key " + keyId + ", which is none of the keys given ("
                    + String.join(", ", keys.keySet()) + ")";
        }
        String algorithm = key instanceof ECPublicKey ? "ES256" : "Ed25519";
        if (label != null && !label.equals(algorithm)) {
            return what + " says " + label + ", but key " + keyId + " is an " + algorithm + " key";
        }
        try {
            Signature signature = Signature.getInstance(key instanceof ECPublicKey ? "SHA256withECDSA" : "Ed25519");
            signature.initVerify(key);
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            if (signature.verify(Base64.getDecoder().decode(signatureBase64))) {
                return null;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a malformed signature is one that does not verify
        }
        return "the signature of " + what + " does not verify with key " + keyId;
    }

    /** The canonical form of docs/audit-format.md, rebuilt from the exported fields. */
    static String canonical(Map<String, Object> event) {
        StringBuilder out = new StringBuilder(256).append('[');
        string(out, "custodian-audit-v1").append(',').append(event.get("sequence")).append(',');
        for (String field : EVENT_TEXTS) {
            string(out, (String) event.get(field)).append(',');
        }
        string(out, (String) event.get("previousHash"));
        return out.append(']').toString();
    }

    private static StringBuilder string(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }

    // ---------------------------------------------------------------- keys, lines, hashes

    /** The trusted keys by key id: files, or every file of a directory that holds an Ed25519 or P-256 key. */
    private static Map<String, PublicKey> keys(List<Path> paths) throws IOException {
        Map<String, PublicKey> keys = new TreeMap<>();
        for (Path path : paths) {
            boolean directory = Files.isDirectory(path);
            List<Path> files;
            try (Stream<Path> listing = directory ? Files.list(path).sorted() : Stream.of(path)) {
                files = listing.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                PublicKey key;
                try {
                    key = publicKey(Files.readString(file));
                } catch (IOException | IllegalArgumentException e) {
                    if (directory) {
                        continue; // a directory may hold other files, e.g. private keys
                    }
                    throw new IllegalArgumentException(file + " is not an Ed25519 or EC P-256 public key (PEM)");
                }
                String id = HEX.formatHex(sha256(new byte[0], key.getEncoded())).substring(0, 16);
                if (keys.containsKey(id) && !Arrays.equals(keys.get(id).getEncoded(), key.getEncoded())) {
                    throw new IllegalArgumentException("two different keys have the key id " + id);
                }
                keys.put(id, key);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no Ed25519 or EC P-256 public key in " + paths);
        }
        return keys;
    }

    private static PublicKey publicKey(String pem) {
        Matcher block = Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----")
                .matcher(pem);
        String base64 = block.find() ? block.group(1) : pem.contains("-----") ? "" : pem;
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64.strip()));
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(spec);
        } catch (GeneralSecurityException e) {
            // not Ed25519
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(spec);
            AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
            p256.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec expected = p256.getParameterSpec(ECParameterSpec.class);
            ECParameterSpec actual = ((ECPublicKey) key).getParams();
            if (actual.getCurve().equals(expected.getCurve()) && actual.getGenerator().equals(expected.getGenerator())
                    && actual.getOrder().equals(expected.getOrder())) {
                return key;
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            // not EC either
        }
        throw new IllegalArgumentException("not an Ed25519 or EC P-256 public key");
    }

    interface LineHandler {
        void line(long number, String text, byte[] raw, int length) throws Malformed;
    }

    /** Each line's UTF-8 text (strictly decoded) and bytes; every line, the last too, must end in a line feed. */
    private static void eachLine(Path file, LineHandler handler) throws IOException, Malformed {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] chunk = new byte[1 << 16];
        byte[] line = new byte[1024];
        int length = 0;
        long number = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(chunk)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != '\n') {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, length * 2);
                        }
                        line[length++] = chunk[i];
                        continue;
                    }
                    number++;
                    if (length == 0) {
                        throw new Malformed(number, "a blank line");
                    }
                    String text;
                    try {
                        text = utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
                    } catch (CharacterCodingException e) {
                        throw new Malformed(number, "the line is not UTF-8");
                    }
                    handler.line(number, text, line, length);
                    length = 0;
                }
            }
        }
        if (length > 0) {
            throw new Malformed(number + 1, "the last line does not end in a line feed (the file was cut?)");
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] prefix, byte[]... parts) {
        MessageDigest digest = digest();
        digest.update(prefix);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** RFC 6962 tree edge: the roots of the perfect subtrees, largest first. */
    static final class Frontier {
        long size;
        final List<byte[]> peaks = new ArrayList<>();

        /** From a header value already checked against its pattern. */
        static Frontier decode(String encoded) {
            Frontier frontier = new Frontier();
            int colon = encoded.indexOf(':');
            frontier.size = Long.parseLong(encoded.substring(0, colon));
            for (String peak : encoded.substring(colon + 1).split(",")) {
                if (!peak.isEmpty()) {
                    frontier.peaks.add(HEX.parseHex(peak));
                }
            }
            return frontier;
        }

        void append(byte[] leaf) {
            byte[] carry = leaf;
            for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
                carry = sha256(new byte[] {0x01}, peaks.remove(peaks.size() - 1), carry);
            }
            peaks.add(carry);
            size++;
        }

        byte[] root() {
            if (peaks.isEmpty()) {
                return sha256(new byte[0]);
            }
            byte[] root = peaks.get(peaks.size() - 1);
            for (int i = peaks.size() - 2; i >= 0; i--) {
                root = sha256(new byte[] {0x01}, peaks.get(i), root);
            }
            return root;
        }
    }

    /**
     * The export's JSON, strictly: one flat object per line, no white space outside strings, values that are strings,
     * whole numbers (no sign, fraction, exponent or leading zero) or null; a key twice, an unpaired surrogate or a bad
     * escape is an error, never repaired.
     */
    static final class Json {
        private final String text;
        private final long line;
        private int at;

        private Json(String text, long line) {
            this.text = text;
            this.line = line;
        }

        static Map<String, Object> parse(String text, long line) throws Malformed {
            Json json = new Json(text, line);
            Map<String, Object> object = new LinkedHashMap<>();
            json.expect('{');
            if (json.peek() != '}') {
                do {
                    String name = json.string();
                    json.expect(':');
                    Object value = json.value();
                    if (object.containsKey(name)) {
                        throw json.error("the key \"" + name + "\" appears twice");
                    }
                    object.put(name, value);
                } while (json.skip(','));
            }
            json.expect('}');
            if (json.at != text.length()) {
                throw json.error(text.substring(json.at).equals("\r") ? "the line ends in CR LF, not LF"
                        : "characters after the object");
            }
            return object;
        }

        private Object value() throws Malformed {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            int start = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (start == at) {
                throw error("expected a string, a whole number or null (and no white space)");
            }
            if (text.charAt(start) == '0' && at - start > 1) {
                throw error("a number with a leading zero");
            }
            try {
                return Long.parseLong(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("a number too large");
            }
        }

        private String string() throws Malformed {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = peek();
                at++;
                if (c == '"') {
                    break;
                }
                if (c < 0x20) {
                    throw error("a control character in a string must be escaped");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = peek();
                at++;
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append(hex4());
                    default -> throw error("a bad escape \\" + escaped);
                }
            }
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw error("a string holds an unpaired surrogate (U+" + HEX.toHexDigits(c) + ")");
                }
            }
            return out.toString();
        }

        private char hex4() throws Malformed {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = "0123456789abcdefABCDEF".indexOf(peek());
                if (digit < 0) {
                    throw error("\\u needs four hex digits");
                }
                value = value * 16 + (digit < 16 ? digit : digit - 6);
                at++;
            }
            return (char) value;
        }

        private boolean skip(char c) throws Malformed {
            if (peek() == c) {
                at++;
                return true;
            }
            return false;
        }

        private char peek() throws Malformed {
            if (at >= text.length()) {
                throw error("the line ends inside the object");
            }
            return text.charAt(at);
        }

        private void expect(char c) throws Malformed {
            if (peek() != c) {
                throw error("expected '" + c + "' (no white space is allowed outside strings)");
            }
            at++;
        }

        private Malformed error(String problem) {
            return new Malformed(line, problem + " at column " + (at + 1));
        }
    }
}
