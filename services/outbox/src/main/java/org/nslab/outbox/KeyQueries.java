package org.nslab.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Set-based reads of the learning services: one query whose only parameter is an array of learner keys. */
public final class KeyQueries {

    /** Handles one row. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private KeyQueries() {
    }

    /** Runs {@code sql} with {@code keys} bound to its single {@code ?} as a varchar array. */
    public static void forEachRow(Connection c, String sql, Object[] keys, RowHandler handler) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", keys));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }
}
