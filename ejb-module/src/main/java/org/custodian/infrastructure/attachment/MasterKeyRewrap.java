package org.custodian.infrastructure.attachment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-wraps, on one connection (the rotation's transaction), every key that a previous master key wrapped under the
 * current one: the customers' data keys ({@code attachment_key}) and the keys of held mail's sealed originals
 * ({@code mail_held_content}), so that once it ran no row needs a previous master key any more. Keys, not files.
 */
final class MasterKeyRewrap {

    /** A table holding wrapped keys: its name and its key column (constants, never input). */
    private record WrappedKeyTable(String name, String id) {
    }

    static final String DATA_KEYS = "attachment_key";
    static final String HELD_MAIL = "mail_held_content";
    private static final List<WrappedKeyTable> TABLES = List.of(new WrappedKeyTable(DATA_KEYS, "customer_id"),
            new WrappedKeyTable(HELD_MAIL, "mail_id"));

    /** How a wrapped key is opened: by the master key its fingerprint names. */
    @FunctionalInterface
    interface Unwrapper {
        char[] unwrap(byte[] wrapped, String fingerprint);
    }

    private MasterKeyRewrap() {
    }

    /** @return per table, how many keys were re-wrapped */
    static Map<String, Integer> rewrap(Connection connection, MasterKey current, Unwrapper unwrapper)
            throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (WrappedKeyTable table : TABLES) {
            counts.put(table.name(), rewrap(connection, table, current, unwrapper));
        }
        return counts;
    }

    private static int rewrap(Connection connection, WrappedKeyTable table, MasterKey current, Unwrapper unwrapper)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + table.id() + ", wrapped_key,"
                + " master_fingerprint from " + table.name() + " where wrapped_key is not null and"
                + " master_fingerprint <> ? for update")) {
            select.setString(1, current.fingerprint());
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(new Object[] {found.getLong(1), found.getBytes(2), found.getString(3)});
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update " + table.name() + " set wrapped_key = ?,"
                + " master_fingerprint = ? where " + table.id() + " = ?")) {
            for (Object[] row : rows) {
                char[] key = unwrapper.unwrap((byte[]) row[1], (String) row[2]);
                try {
                    update.setBytes(1, current.wrap(key));
                } finally {
                    Arrays.fill(key, '\0');
                }
                update.setString(2, current.fingerprint());
                update.setLong(3, (Long) row[0]);
                update.executeUpdate();
            }
        }
        return rows.size();
    }
}
