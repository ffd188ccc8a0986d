package org.nslab.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
