package org.custodian.verifier;

import static org.custodian.verifier.ExportFixture.export;
import static org.custodian.verifier.ExportFixture.file;
import static org.custodian.verifier.ExportFixture.next;
import static org.custodian.verifier.ExportFixture.raw;
import static org.custodian.verifier.ExportFixture.record;
import static org.custodian.verifier.ExportFixture.trail;
import static org.custodian.verifier.ExportFixture.verify;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custodian.application.audit.AuditEventJson;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.verifier.ExportFixture.Key;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline verifier (server-config/src/main/verifier) on exports the server's writer makes, then changes the way
 * an attacker or a careless tool would. Every export has events 1..10 with checkpoints at 4 and 8 unless said
 * otherwise: line 1 is the header, lines 2-11 the events, 12-13 the checkpoints, 14 the seal. Exit codes: 0 OK,
 * 1 BROKEN, 2 MALFORMED, 3 UNSIGNED, 4 cannot run.
 */
class VerifyAuditExportTest {

    private static Key key;
    private static Key other;
    private static List<AuditEvent> trail;

    @BeforeAll
    static void setUp() throws Exception {
        key = Key.ed25519("current");
        other = Key.ed25519("other");
        trail = trail(10);
    }

    private static List<String> whole() {
        return new ArrayList<>(export(trail, 1, 10, Map.of(4L, key, 8L, key), key));
    }

    @Test
    void anExportCoveredByCheckpointsAndItsSealVerifies() throws Exception {
        verify(file("whole", whole()), key).assertExit(0, "OK events=10 (1..10) checkpoints=2 newest=8 ");
        assertTrue(verify(file("whole", whole()), key).output().contains("events 9..10 are covered by the seal only"));
        String toCheckpoint = verify(file("to-checkpoint", export(trail, 1, 8, Map.of(4L, key, 8L, key), key)), key)
                .assertExit(0, "OK events=8 (1..8) checkpoints=2 newest=8 ").output();
        assertFalse(toCheckpoint.contains("seal only"), toCheckpoint);
        verify(file("part", export(trail, 5, 10, Map.of(4L, key, 8L, key), key)), key)
                .assertExit(0, "OK events=6 (5..10) checkpoints=1 newest=8 ");
        Key p256 = Key.p256("p256");
        verify(file("es256", export(trail, 1, 10, Map.of(4L, p256, 8L, p256), p256)), p256)
                .assertExit(0, "OK events=10");
    }

    @Test
    void aForgedLastEventAfterTheLastCheckpointIsBroken() throws Exception {
        List<String> lines = whole();
        List<AuditEvent> forged = new ArrayList<>(trail.subList(0, 9));
        forged.add(next(forged, record(10, "mallory")));
        lines.set(10, AuditEventJson.line(forged.get(9)));
        verify(file("forged-last-event", lines), key).assertExit(1, "BROKEN at sequence 9: the last event's hash");
    }

    @Test
    void aTailCutAfterACheckpointIsBrokenAndWithoutItsSealUnsigned() throws Exception {
        List<String> lines = whole();
        lines.subList(9, 11).clear();
        lines.set(0, lines.get(0).replace("\"to\":10", "\"to\":8"));
        verify(file("cut-tail", lines), key).assertExit(1, "BROKEN at the seal: the signature of the seal does not"
                + " verify");
        lines.remove(lines.size() - 1);
        verify(file("cut-tail-no-seal", lines), key).assertExit(3, "UNSIGNED events=8 (1..8) checkpoints=2: the seal"
                + " (the last line) is missing");
    }

    @Test
    void aPartialExportWithoutCheckpointIsUnsignedAndItsForgedFrontierBroken() throws Exception {
        List<String> part = new ArrayList<>(export(trail, 9, 10, Map.of(4L, key, 8L, key), key));
        verify(file("no-checkpoint", part), key).assertExit(3, "UNSIGNED events=2 (9..10) checkpoints=0: no"
                + " checkpoint in the range");
        String frontier = ExportFixture.edge(trail, 8).encode();
        part.set(0, part.get(0).replace(frontier, "8:" + "ab".repeat(32)));
        verify(file("forged-frontier", part), key).assertExit(1, "BROKEN at sequence 9: the signature of the seal");
    }

    @Test
    void removedCheckpointsAreBrokenAndARewrittenTrailWithoutSignaturesIsUnsigned() throws Exception {
        List<String> lines = whole();
        lines.removeIf(line -> line.startsWith("{\"type\":\"checkpoint\""));
        verify(file("checkpoints-removed", lines), key).assertExit(1, "BROKEN at sequence 1: the newest checkpoint is"
                + " not the one sealed");
        lines.remove(lines.size() - 1);
        verify(file("checkpoints-and-seal-removed", lines), key).assertExit(3, "UNSIGNED events=10 (1..10)"
                + " checkpoints=0: the seal (the last line) is missing, so nothing in it is signed");
        List<AuditEvent> rewritten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rewritten.add(next(rewritten, record(i, "mallory")));
        }
        verify(file("rewritten", export(rewritten, 1, 10, Map.of(), null)), key).assertExit(3, "UNSIGNED");
    }

    @Test
    void aDuplicateKeyIsMalformedNotOverwritten() throws Exception {
        List<String> lines = whole();
        lines.set(2, lines.get(2).replace("\"actor\":", "\"actor\":\"mallory\",\"actor\":"));
        verify(file("duplicate-key", lines), key).assertExit(2, "MALFORMED at line 3: the key \"actor\" appears twice");
    }

    @Test
    void anUnknownKeyIsMalformed() throws Exception {
        List<String> lines = whole();
        lines.set(2, lines.get(2).replace("{\"type\":\"event\",", "{\"type\":\"event\",\"note\":\"x\","));
        verify(file("unknown-key", lines), key).assertExit(2, "MALFORMED at line 3: unknown key \"note\"");
        lines = whole();
        lines.set(13, lines.get(13).replace("{\"type\":\"seal\",", "{\"type\":\"seal\",\"note\":\"x\","));
        verify(file("unknown-seal-key", lines), key).assertExit(2, "MALFORMED at line 14: unknown key \"note\"");
    }

    @Test
    void anUnknownLineTypeIsMalformed() throws Exception {
        List<String> lines = whole();
        lines.add(11, "{\"type\":\"comment\",\"text\":\"x\"}");
        verify(file("unknown-type", lines), key).assertExit(2, "MALFORMED at line 12: unknown line type \"comment\"");
    }

    @Test
    void aSecondHeaderIsMalformed() throws Exception {
        List<String> lines = whole();
        lines.add(11, lines.get(0));
        verify(file("second-header", lines), key).assertExit(2, "MALFORMED at line 12: a second header");
    }

    @Test
    void aBlankLineIsMalformed() throws Exception {
        List<String> lines = whole();
        lines.add(5, "");
        verify(file("blank-line", lines), key).assertExit(2, "MALFORMED at line 6: a blank line");
        verify(raw("blank-last-line", String.join("\n", whole()) + "\n\n"), key)
                .assertExit(2, "MALFORMED at line 15: a blank line");
    }

    @Test
    void aLoneSurrogateIsMalformedNotHashedAsAQuestionMark() throws Exception {
        List<String> lines = whole();
        assertTrue(lines.get(3).contains("\"actor\":\"a?b\""), lines.get(3));
        lines.set(3, lines.get(3).replace("\"actor\":\"a?b\"", "\"actor\":\"a\\ud800b\""));
        verify(file("lone-surrogate", lines), key).assertExit(2, "MALFORMED at line 4: a string holds an unpaired"
                + " surrogate");
    }

    @Test
    void aKeyIdThatIsNotTheKeysIsBroken() throws Exception {
        List<String> lines = whole();
        lines.set(11, lines.get(11).replace(key.id(), other.id()));
        verify(file("key-id-unknown", lines), key).assertExit(1, "BROKEN at sequence 1: the signature of checkpoint 4"
                + " names key " + other.id() + ", which is none of the keys given");
        verify(file("key-id-other", lines), key, other).assertExit(1, "BROKEN at sequence 1: the signature of"
                + " checkpoint 4 does not verify with key " + other.id());
    }

    @Test
    void everyCheckpointIsCheckedAndEachTreeSizeMayAppearOnce() throws Exception {
        List<String> lines = whole();
        String forged = lines.get(12).replaceFirst("\"rootHash\":\"[0-9a-f]{64}\"", "\"rootHash\":\"" + "0".repeat(64)
                + "\"");
        lines.add(12, forged);
        verify(file("same-size-earlier", lines), key).assertExit(2, "MALFORMED at line 14: checkpoint lines must be in"
                + " ascending tree size, each size once (8 follows 8)");
        lines = whole();
        lines.set(11, lines.get(11).replaceFirst("\"chainHash\":\"[0-9a-f]{64}\"", "\"chainHash\":\"" + "0".repeat(64)
                + "\""));
        verify(file("earlier-checkpoint-forged", lines), key).assertExit(1, "BROKEN at sequence 1: the signature of"
                + " checkpoint 4 does not verify");
    }

    @Test
    void theAlgorithmIsTheKeysNotTheLabels() throws Exception {
        List<String> lines = whole();
        lines.set(11, lines.get(11).replace("\"algorithm\":\"Ed25519\"", "\"algorithm\":\"ES256\""));
        verify(file("algorithm-label", lines), key).assertExit(1, "BROKEN at sequence 1: checkpoint 4 says ES256, but"
                + " key " + key.id() + " is an Ed25519 key");
    }

    @Test
    void rotatedKeysAreGivenTogetherAndPickedByKeyId() throws Exception {
        Key retired = Key.ed25519("retired");
        Path export = file("rotation", export(trail, 1, 10, Map.of(4L, retired, 8L, key), key));
        verify(export, key, retired).assertExit(0, "OK events=10");
        verify(export, "--key", key, "--key", retired).assertExit(0, "OK events=10");
        verify(export, key).assertExit(1, "BROKEN at sequence 1: the signature of checkpoint 4 names key "
                + retired.id());
        Path directory = Files.createDirectories(ExportFixture.CASES.resolve("rotation-keys"));
        Files.copy(key.pem(), directory.resolve("current.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(retired.pem(), directory.resolve("retired.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(directory.resolve("private.pem"), "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder()
                .encodeToString(key.pair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(directory.resolve("README"), "keys of the audit trail");
        verify(export, directory).assertExit(0, "OK events=10");
    }

    @Test
    void aChangedHeaderOrSealIsBroken() throws Exception {
        List<String> lines = new ArrayList<>(export(trail, 1, 8, Map.of(4L, key, 8L, key), key));
        lines.set(0, lines.get(0).replace("\"exportedAt\":\"2026", "\"exportedAt\":\"2025"));
        verify(file("exported-at", lines), key).assertExit(1, "BROKEN at the seal: the signature of the seal does not"
                + " verify");
        lines = whole();
        lines.set(13, lines.get(13).replace("\"events\":10", "\"events\":9"));
        verify(file("seal-count", lines), key).assertExit(1, "BROKEN at sequence 9: the signature of the seal");
        // the same texts written with other escapes (a pair of surrogates is one character): the chain holds, the
        // sealed bytes do not
        lines = whole();
        lines.set(5, lines.get(5).replace("\u00e9\ud83d\ude00", "\\u00E9\\ud83d\\ude00"));
        verify(file("re-encoded", lines), key).assertExit(1, "BROKEN at sequence 9: the lines before the seal are not"
                + " the bytes that were sealed");
        lines = new ArrayList<>(export(trail, 5, 10, Map.of(8L, key), key));
        lines.add(1 + 6, whole().get(11));
        verify(file("checkpoint-outside", lines), key).assertExit(1, "BROKEN at sequence 5: checkpoint 4 lies outside"
                + " 5..10");
    }

    @Test
    void aVersion1ExportHasNoSealAndIsUnsigned() throws Exception {
        List<String> lines = whole();
        String header = lines.get(0).replace("custodian-audit-export-v2", "custodian-audit-export-v1")
                .replaceFirst("\"exportedAt\":\"[^\"]*\"", "\"algorithm\":\"Ed25519\",\"keyId\":\"" + key.id() + "\"");
        lines.set(0, header);
        verify(file("v1-with-seal", lines), key).assertExit(2, "MALFORMED at line 14: unknown line type \"seal\"");
        lines.remove(13);
        verify(file("v1", lines), key).assertExit(3, "UNSIGNED events=10 (1..10) checkpoints=2: a"
                + " custodian-audit-export-v1 export has no seal");
    }

    @Test
    void theFormIsStrict() throws Exception {
        String text = String.join("\n", whole()) + "\n";
        verify(raw("crlf", text.replace("\n", "\r\n")), key).assertExit(2, "MALFORMED at line 1: the line ends in"
                + " CR LF");
        verify(raw("no-final-lf", text.strip()), key).assertExit(2, "MALFORMED at line 14: the last line does not end"
                + " in a line feed");
        verify(raw("white-space", text.replaceFirst("\"from\":1", "\"from\": 1")), key).assertExit(2, "MALFORMED at"
                + " line 1: expected a string, a whole number or null");
        verify(raw("leading-zero", text.replace("\"sequence\":2,", "\"sequence\":02,")), key)
                .assertExit(2, "MALFORMED at line 3: a number with a leading zero");
        verify(raw("upper-case-hash", text.replaceFirst("\"hash\":\"([0-9a-f]{64})\"", "\"hash\":\"ABC$1\"")), key)
                .assertExit(2, "MALFORMED at line 2: hash is not in its format");
        verify(raw("huge-frontier", text.replace("\"frontier\":\"0:\"", "\"frontier\":\"9999999999999999999:\"")), key)
                .assertExit(2, "MALFORMED at line 1: frontier is not");
        verify(raw("missing-key", text.replace(",\"requestId\":\"req-2\"", "")), key).assertExit(2, "MALFORMED at line"
                + " 3: missing key \"requestId\"");
        verify(raw("bad-escape", text.replace("\"agent-2\"", "\"agent\\x2\"")), key).assertExit(2, "MALFORMED at line"
                + " 3: a bad escape");
        List<String> lines = whole();
        lines.add(12, lines.remove(10));
        verify(file("event-after-checkpoint", lines), key).assertExit(2, "MALFORMED at line 13: an event line after a"
                + " checkpoint line");
        lines = whole();
        lines.add(lines.get(12));
        verify(file("after-seal", lines), key).assertExit(2, "MALFORMED at line 15: a line after the seal");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = text.indexOf("agent-2");
        bytes[at] = (byte) 0xff;
        Path notUtf8 = ExportFixture.CASES.resolve("not-utf8.jsonl");
        Files.write(notUtf8, bytes);
        verify(notUtf8, key).assertExit(2, "MALFORMED at line 3: the line is not UTF-8");
        verify(raw("empty", ""), key).assertExit(2, "MALFORMED at line 1: the file is empty");
    }

    @Test
    void theExitCodeReachesTheShellWhenRunAsASourceFile() throws Exception {
        List<String> lines = whole();
        lines.remove(13);
        ExportFixture.verifyAsProcess(file("process-unsigned", lines).toString(), key.pem().toString())
                .assertExit(3, "UNSIGNED");
        ExportFixture.verifyAsProcess().assertExit(4, "usage:");
    }
}
