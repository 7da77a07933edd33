package org.custodian.infrastructure.backup;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.domain.model.attachment.StoredContentCheck;
import org.custodian.infrastructure.attachment.AttachmentChunkCheck;

/**
 * The restore's attachment check (#24): in the restored copy every attachment has all its chunks, numbered without a
 * gap, hashing to its recorded ciphertext SHA-256; and the attachments are exactly those the set's manifest lists,
 * with the same hashes. Ciphertext only: a restore needs no attachment key, and an erased customer's files are
 * checked too.
 */
final class RestoredAttachments {

    private static final int NAMED = 10;

    private RestoredAttachments() {
    }

    /** Adds one OK or FAILED line to {@code checks}; returns whether it passed. */
    static boolean check(Connection restored, JsonObject manifest, List<String> checks) throws SQLException {
        try (PreparedStatement columns = restored.prepareStatement("select count(*) from information_schema.columns"
                + " where table_schema = current_schema() and table_name = 'attachment'"
                + " and column_name = 'cipher_sha256'"); ResultSet row = columns.executeQuery()) {
            row.next();
            if (row.getLong(1) == 0) {
                checks.add("OK attachments: the set's schema records no ciphertext hashes (before V97), nothing to"
                        + " check");
                return true;
            }
        }
        StoredContentCheck stored = AttachmentChunkCheck.check(restored);
        List<String> problems = new ArrayList<>();
        stored.findings().stream().limit(NAMED).forEach(finding -> problems.add(finding.toString()));
        if (stored.broken() > NAMED) {
            problems.add((stored.broken() - NAMED) + " more broken attachment(s)");
        }
        JsonObject recorded = manifest.containsKey("attachments")
                && manifest.get("attachments").getValueType() == JsonValue.ValueType.OBJECT
                ? manifest.getJsonObject("attachments") : null;
        if (recorded != null) {
            problems.addAll(againstManifest(restored, recorded));
        }
        if (problems.isEmpty()) {
            checks.add("OK attachments: " + stored.attachments() + " attachment(s), " + stored.chunks() + " chunk(s)"
                    + " complete and in sequence, every ciphertext matches its recorded SHA-256"
                    + (recorded != null ? " and the manifest" : " (a set written before #24: no manifest list)"));
            return true;
        }
        checks.add("FAILED attachments: " + String.join("; ", problems));
        return false;
    }

    private static List<String> againstManifest(Connection restored, JsonObject recorded) throws SQLException {
        Map<Long, String> expected = new TreeMap<>();
        for (JsonValue value : recorded.getJsonArray("items")) {
            JsonObject item = value.asJsonObject();
            expected.put(item.getJsonNumber("id").longValue(), item.isNull("cipherSha256") ? null
                    : item.getString("cipherSha256"));
        }
        Map<Long, String> found = new TreeMap<>();
        try (PreparedStatement select = restored.prepareStatement("select id, cipher_sha256 from attachment");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String hash = rows.getString(2);
                found.put(rows.getLong(1), hash == null ? null : hash.trim());
            }
        }
        List<String> problems = new ArrayList<>();
        if (found.size() != recorded.getInt("count")) {
            problems.add(found.size() + " attachment(s) restored, the manifest lists " + recorded.getInt("count"));
        }
        List<String> named = new ArrayList<>();
        for (Map.Entry<Long, String> entry : expected.entrySet()) {
            if (!found.containsKey(entry.getKey())) {
                named.add("attachment " + entry.getKey() + " is in the manifest but was not restored");
            } else if (entry.getValue() != null && !entry.getValue().equals(found.get(entry.getKey()))) {
                named.add("attachment " + entry.getKey() + " has another ciphertext SHA-256 than the manifest");
            }
        }
        for (Long id : found.keySet()) {
            if (!expected.containsKey(id)) {
                named.add("attachment " + id + " was restored but is not in the manifest");
            }
        }
        named.stream().limit(NAMED).forEach(problems::add);
        if (named.size() > NAMED) {
            problems.add((named.size() - NAMED) + " more difference(s) from the manifest");
        }
        return problems;
    }
}
