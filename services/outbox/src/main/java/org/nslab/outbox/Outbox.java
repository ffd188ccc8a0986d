package org.nslab.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: an event is appended to the {@code outbox} table on the same connection,
 * in the same transaction, as the change it announces, so both commit or neither does; the
 * {@link OutboxRelay} publishes it afterwards. Table (in each service's migrations):
 * <pre>
 * CREATE TABLE outbox (seq bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, topic varchar(200) NOT NULL,
 *                      record_key varchar(300) NOT NULL, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
 * </pre>
 */
public final class Outbox {

    private Outbox() {
    }

    /** An event to append. */
    public record Entry(String topic, String key, UUID eventId, String payload) {
    }

    /**
     * Appends several events with one statement (in the caller's transaction); an event whose id is already
     * waiting is skipped. @return how many were appended
     */
    public static int appendAll(Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return 0;
        }
        int n = entries.size();
        Object[][] cols = new Object[4][n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            cols[0][i] = e.eventId().toString();
            cols[1][i] = e.topic();
            cols[2][i] = e.key();
            cols[3][i] = e.payload();
        }
        String[] types = {"uuid", "varchar", "varchar", "text"};
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO outbox (event_id, topic, record_key, payload)
                SELECT u.e, u.t, u.k, u.p FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::text[]) WITH ORDINALITY AS u(e, t, k, p, n)
                ORDER BY n
                ON CONFLICT (event_id) DO NOTHING""")) {
            for (int k = 0; k < cols.length; k++) {
                s.setArray(k + 1, connection.createArrayOf(types[k], cols[k]));
            }
            return s.executeUpdate();
        }
    }

    /** @return whether the event was appended (false: an event with this id is already waiting) */
    public static boolean append(Connection connection, String topic, String key, UUID eventId, String payload) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO outbox (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            s.setObject(1, eventId);
            s.setString(2, topic);
            s.setString(3, key);
            s.setString(4, payload);
            return s.executeUpdate() == 1;
        }
    }
}
