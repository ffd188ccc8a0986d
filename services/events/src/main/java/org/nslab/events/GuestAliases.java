package org.nslab.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which guests signed in, and as whom. A service that keys data by learner keeps, in a table of its own,
 * one row per merged guest ({@code guest_key}, {@code account_key}, both {@code tenant/id}); an event of
 * such a guest that arrives after the merge (they are delivered at least once, and in any order across
 * topics) is stored for the account. This is the one lookup of that table; {@link GuestProgressMerged}
 * says when a row is added.
 */
public final class GuestAliases {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private GuestAliases() {
    }

    /** The guests among the keys, each once, in the order they first appear. */
    public static List<ActorKey> guestsAmong(Collection<ActorKey> keys) {
        return keys.stream().filter(ActorKey::isGuest).distinct().toList();
    }

    /**
     * Guest key → account key, for the guests among {@code keys} that merged; keys of accounts, and of
     * guests that have not merged, are absent. Asks the database only when there is a guest among the keys.
     *
     * @param table the service's alias table, with the columns {@code guest_key} and {@code account_key}
     *              (a plain SQL name, never input from a caller)
     */
    public static Map<ActorKey, ActorKey> lookup(Connection c, String table, Collection<ActorKey> keys) throws SQLException {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        Map<ActorKey, ActorKey> accounts = new HashMap<>();
        List<ActorKey> guests = guestsAmong(keys);
        if (guests.isEmpty()) {
            return accounts;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT guest_key, account_key FROM " + table + " WHERE guest_key = ANY (?)")) {
            s.setArray(1, c.createArrayOf("varchar", guests.stream().map(ActorKey::toString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    accounts.put(ActorKey.parse(rs.getString(1)), ActorKey.parse(rs.getString(2)));
                }
            }
        }
        return accounts;
    }
}
