import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Verifies a Custodian audit export offline, with nothing but a JDK (17 or newer) and the operator's public key:
 *
 * <pre>
 *   java VerifyAuditExport.java custodian-audit-1-5000.jsonl audit-verify-key.pem
 * </pre>
 *
 * Prints {@code OK ...} and exits 0, or {@code BROKEN at sequence N: reason} and exits 1 (2 for unusable input).
 * Written from docs/audit-format.md alone and deliberately independent of the server's code: it re-derives
 * every canonical form, chain hash, RFC 6962 leaf and root, and checks each checkpoint's signature.
 */
public final class VerifyAuditExport {

    private static final HexFormat HEX = HexFormat.of();
    private static final String GENESIS = "0".repeat(64);

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java VerifyAuditExport.java <export.jsonl> <public-key.pem>");
            System.exit(2);
        }
        String verdict;
        try {
            verdict = verify(Path.of(args[0]), Files.readString(Path.of(args[1])));
        } catch (RuntimeException | IOException e) {
            System.out.println("UNUSABLE: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(verdict);
        System.exit(verdict.startsWith("OK") ? 0 : 1);
    }

    /** The verdict line for an export file. */
    static String verify(Path export, String publicKeyPem) throws IOException {
        PublicKey key = publicKey(publicKeyPem);
        Map<Long, Map<String, Object>> checkpoints = new HashMap<>();
        Map<String, Object> header = null;
        try (Stream<String> lines = Files.lines(export, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> object = Json.parse(line);
                if ("header".equals(object.get("type"))) {
                    header = object;
                } else if ("checkpoint".equals(object.get("type"))) {
                    checkpoints.put(number(object, "treeSize"), object);
                }
            }
        }
        if (header == null || !"custodian-audit-export-v1".equals(header.get("format"))) {
            throw new IllegalArgumentException("no custodian-audit-export-v1 header line");
        }
        long from = number(header, "from");
        long to = number(header, "to");
        Frontier frontier = Frontier.decode(text(header, "frontier"));
        if (frontier.size != from - 1) {
            return "BROKEN at sequence " + from + ": the header's tree edge has " + frontier.size
                    + " leaves, not " + (from - 1);
        }
        String previousHash = text(header, "previousHash");
        if (from == 1 && !GENESIS.equals(previousHash)) {
            return "BROKEN at sequence 1: the first event must follow the genesis hash";
        }
        long expected = from;
        long lastGoodCheckpoint = from - 1;
        int checkpointsVerified = 0;
        try (Stream<String> lines = Files.lines(export, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> event = Json.parse(line);
                if (!"event".equals(event.get("type"))) {
                    continue;
                }
                long sequence = number(event, "sequence");
                if (sequence != expected) {
                    return "BROKEN at sequence " + expected + ": found sequence " + sequence + " instead";
                }
                byte[] canonical = canonical(event).getBytes(StandardCharsets.UTF_8);
                String hash = HEX.formatHex(sha256(new byte[0], canonical));
                if (!previousHash.equals(event.get("previousHash")) || !hash.equals(event.get("hash"))) {
                    return "BROKEN at sequence " + sequence + ": the hash chain does not hold";
                }
                frontier.append(sha256(new byte[] {0x00}, canonical));
                Map<String, Object> checkpoint = checkpoints.get(sequence);
                if (checkpoint != null) {
                    String problem = checkCheckpoint(checkpoint, frontier.root(), hash, key);
                    if (problem != null) {
                        return "BROKEN at sequence " + (lastGoodCheckpoint + 1) + ": " + problem;
                    }
                    lastGoodCheckpoint = sequence;
                    checkpointsVerified++;
                }
                previousHash = hash;
                expected++;
            }
        }
        if (expected - 1 != to) {
            return "BROKEN at sequence " + expected + ": the export ends before its announced end " + to;
        }
        for (long size : checkpoints.keySet()) {
            if (size < from || size > to) {
                return "BROKEN at sequence " + (lastGoodCheckpoint + 1) + ": checkpoint " + size
                        + " lies outside the exported range";
            }
        }
        return "OK events=" + (to - from + 1) + " (" + from + ".." + to + ") checkpoints=" + checkpointsVerified
                + (checkpointsVerified == 0 ? " (no checkpoint in range: events verified against each other only)"
                : "");
    }

    private static String checkCheckpoint(Map<String, Object> checkpoint, byte[] root, String chainHash,
            PublicKey key) {
        long size = number(checkpoint, "treeSize");
        String statement = "custodian-checkpoint-v1\n" + "tree-size " + size + "\n" + "root "
                + text(checkpoint, "rootHash") + "\n" + "chain " + text(checkpoint, "chainHash") + "\n" + "time "
                + text(checkpoint, "time") + "\n";
        try {
            Signature signature = Signature.getInstance(
                    "ES256".equals(checkpoint.get("algorithm")) ? "SHA256withECDSA" : "Ed25519");
            signature.initVerify(key);
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            if (!signature.verify(Base64.getDecoder().decode(text(checkpoint, "signature")))) {
                return "the signature of checkpoint " + size + " does not verify with this key";
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "the signature of checkpoint " + size + " cannot be checked: " + e.getMessage();
        }
        if (!HEX.formatHex(root).equals(checkpoint.get("rootHash"))) {
            return "the events up to " + size + " do not hash to the signed root";
        }
        if (!chainHash.equals(checkpoint.get("chainHash"))) {
            return "the chain hash at " + size + " differs from the signed one";
        }
        return null;
    }

    /** The canonical form of docs/audit-format.md, rebuilt from the exported fields. */
    static String canonical(Map<String, Object> event) {
        StringBuilder out = new StringBuilder(256).append('[');
        string(out, "custodian-audit-v1").append(',').append(number(event, "sequence")).append(',');
        for (String field : List.of("occurredAt", "actor", "actorRoles", "action", "resourceType", "resourceId",
                "fields", "outcome", "requestId", "clientAddress")) {
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

    private static byte[] sha256(byte[] prefix, byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(String pem) {
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        for (String type : new String[] {"Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // next type
            }
        }
        throw new IllegalArgumentException("the key file is not an X.509 Ed25519 or EC public key in PEM");
    }

    private static long number(Map<String, Object> object, String field) {
        Object value = object.get(field);
        if (!(value instanceof Long number)) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number in " + object);
        }
        return number;
    }

    private static String text(Map<String, Object> object, String field) {
        Object value = object.get(field);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("'" + field + "' must be a string in " + object);
        }
        return text;
    }

    /** RFC 6962 tree edge: the roots of the perfect subtrees, largest first. */
    static final class Frontier {
        long size;
        final List<byte[]> peaks = new ArrayList<>();

        static Frontier decode(String encoded) {
            Frontier frontier = new Frontier();
            int colon = encoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("the header's frontier is not size:peak,peak,...");
            }
            frontier.size = Long.parseLong(encoded.substring(0, colon));
            String peaks = encoded.substring(colon + 1);
            if (!peaks.isEmpty()) {
                for (String peak : peaks.split(",")) {
                    frontier.peaks.add(HEX.parseHex(peak));
                }
            }
            if (frontier.peaks.size() != Long.bitCount(frontier.size)) {
                throw new IllegalArgumentException("the header's frontier has the wrong number of peaks");
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
            byte[] root = peaks.get(peaks.size() - 1);
            for (int i = peaks.size() - 2; i >= 0; i--) {
                root = sha256(new byte[] {0x01}, peaks.get(i), root);
            }
            return root;
        }
    }

    /** Just enough JSON for the export's flat objects: strings, whole numbers, null, true and false. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Map<String, Object> parse(String line) {
            Json json = new Json(line);
            Map<String, Object> object = json.object();
            json.skipSpace();
            if (json.at != line.length()) {
                throw new IllegalArgumentException("trailing characters after the JSON object: " + line);
            }
            return object;
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                at++;
                return object;
            }
            while (true) {
                skipSpace();
                String name = string();
                skipSpace();
                expect(':');
                skipSpace();
                object.put(name, value());
                skipSpace();
                char next = text.charAt(at++);
                if (next == '}') {
                    return object;
                }
                if (next != ',') {
                    throw new IllegalArgumentException("expected , or } at " + (at - 1) + " in " + text);
                }
            }
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + at + " in " + text);
            }
            return Long.parseLong(text.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape \\" + escaped + " in " + text);
                }
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("the line ends too early: " + text);
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + text);
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
