package org.nslab.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Idempotent consumption: the ids of applied events, recorded in the transaction that applies them.
 * Table: {@code CREATE TABLE processed_event (event_id uuid PRIMARY KEY, processed_at timestamptz NOT NULL DEFAULT now())}.
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    /**
     * Records the ids and returns those seen for the first time; the others were applied before (a
     * redelivery) and must be skipped. Call inside the transaction that applies the new ones.
     */
    public static Set<UUID> claim(Connection connection, Collection<UUID> ids) throws SQLException {
        Set<UUID> unique = new LinkedHashSet<>(ids);
        if (unique.isEmpty()) {
            return Set.of();
        }
        Set<UUID> fresh = new HashSet<>();
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO processed_event (event_id) SELECT unnest(?::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id")) {
            List<String> values = new ArrayList<>();
            unique.forEach(id -> values.add(id.toString()));
            s.setArray(1, connection.createArrayOf("uuid", values.toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
        }
        Set<UUID> ordered = new LinkedHashSet<>();
        unique.stream().filter(fresh::contains).forEach(ordered::add);
        return ordered;
    }
}
