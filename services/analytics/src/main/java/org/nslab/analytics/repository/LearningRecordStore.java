package org.nslab.analytics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.nslab.events.ActorKey;
import org.nslab.events.GuestAliases;
import org.nslab.events.GuestProgressMerged;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningVerb;
import org.nslab.events.MilestoneReached;
import org.nslab.events.QuizAttemptGraded;

/**
 * Set-based inserts of a consumed batch, one statement per table; the event id is each table's primary
 * key, so a redelivered event is stored once. Events of a guest who signed in are stored for the account.
 */
@ApplicationScoped
public class LearningRecordStore {

    public record Stored<T>(T event, String payload) {
    }

    private final DataSource dataSource;

    public LearningRecordStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** @return how many rows were new */
    public int insertLearningEvents(Connection c, List<Stored<LearningEventRecorded>> events, Map<ActorKey, ActorKey> aliases)
            throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        int n = events.size();
        Object[][] cols = new Object[12][n];
        for (int i = 0; i < n; i++) {
            LearningEventRecorded e = events.get(i).event();
            var s = e.statement();
            ActorKey key = aliases.getOrDefault(e.key(), e.key());
            cols[0][i] = e.id().toString();
            cols[1][i] = key.toString();
            cols[2][i] = key.tenant();
            cols[3][i] = key.id();
            cols[4][i] = aliases.containsKey(e.key()) ? "LEARNER" : s.actor().kind().name();
            cols[5][i] = LearningVerb.fromIri(s.verb().id()).map(Enum::name).orElse(s.verb().display());
            cols[6][i] = s.object().id();
            cols[7][i] = s.object().type().name();
            cols[8][i] = levelOf(e);
            cols[9][i] = Timestamp.from(s.timestamp());
            cols[10][i] = Timestamp.from(e.time());
            cols[11][i] = events.get(i).payload();
        }
        String[] types = {"uuid", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "int2", "timestamptz",
                "timestamptz", "text"};
        return insert(c, """
                INSERT INTO learning_event (id, actor_key, tenant, actor_id, actor_kind, verb, object_id, object_type, level, occurred_at,
                                            recorded_at, payload)
                SELECT u.id, u.k, u.t, u.a, u.ak, u.v, u.o, u.ot, u.l, u.oc, u.rc, u.p::jsonb
                FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::int2[], ?::timestamptz[], ?::timestamptz[], ?::text[]) AS u(id, k, t, a, ak, v, o, ot, l, oc, rc, p)
                ON CONFLICT (id) DO NOTHING""", cols, types);
    }

    /** The level: from the context, else from a {@code level:N} object id. */
    static Short levelOf(LearningEventRecorded e) {
        var s = e.statement();
        if (s.context() != null && s.context().level() != null) {
            return s.context().level().shortValue();
        }
        String id = s.object().id();
        if (id.startsWith("level:") && id.length() > 6 && id.charAt(6) >= '1' && id.charAt(6) <= '5'
                && (id.length() == 7 || id.charAt(7) == '/')) {
            return (short) (id.charAt(6) - '0');
        }
        return null;
    }

    public int insertQuizAttempts(Connection c, List<Stored<QuizAttemptGraded>> attempts, Map<ActorKey, ActorKey> aliases)
            throws SQLException {
        if (attempts.isEmpty()) {
            return 0;
        }
        int n = attempts.size();
        Object[][] cols = new Object[15][n];
        for (int i = 0; i < n; i++) {
            QuizAttemptGraded e = attempts.get(i).event();
            var s = e.statement();
            ActorKey key = aliases.getOrDefault(e.key(), e.key());
            cols[0][i] = e.id().toString();
            cols[1][i] = key.toString();
            cols[2][i] = key.tenant();
            cols[3][i] = e.quizId();
            cols[4][i] = s.object().id();
            cols[5][i] = e.questionCount();
            cols[6][i] = e.targetKind().wire();
            cols[7][i] = e.targetId();
            cols[8][i] = s.context() == null || s.context().level() == null ? null : s.context().level().shortValue();
            cols[9][i] = e.attemptNumber();
            cols[10][i] = s.result() != null && Boolean.TRUE.equals(s.result().success());
            cols[11][i] = s.result() == null ? null : s.result().scoreScaled();
            cols[12][i] = s.result() == null ? null : s.result().response();
            cols[13][i] = Timestamp.from(s.timestamp());
            cols[14][i] = attempts.get(i).payload();
        }
        String[] types = {"uuid", "varchar", "varchar", "varchar", "varchar", "int4", "varchar", "varchar", "int2", "int4", "bool", "float8",
                "varchar", "timestamptz", "text"};
        return insert(c, """
                INSERT INTO quiz_attempt (id, actor_key, tenant, quiz_id, question_id, question_count, target_kind, target_id, level,
                                          attempt_number, correct, score, response, occurred_at, payload)
                SELECT u.id, u.k, u.t, u.q, u.qq, u.qc, u.tk, u.ti, u.l, u.an, u.c, u.s, u.r, u.o, u.p::jsonb
                FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int4[], ?::varchar[], ?::varchar[],
                            ?::int2[], ?::int4[], ?::bool[], ?::float8[], ?::varchar[], ?::timestamptz[], ?::text[])
                     AS u(id, k, t, q, qq, qc, tk, ti, l, an, c, s, r, o, p)
                ON CONFLICT (id) DO NOTHING""", cols, types);
    }

    public int insertMilestones(Connection c, List<MilestoneReached> milestones) throws SQLException {
        if (milestones.isEmpty()) {
            return 0;
        }
        int n = milestones.size();
        Object[][] cols = new Object[5][n];
        for (int i = 0; i < n; i++) {
            MilestoneReached m = milestones.get(i);
            cols[0][i] = m.id().toString();
            cols[1][i] = m.key().toString();
            cols[2][i] = m.milestone().name();
            cols[3][i] = m.objectId();
            cols[4][i] = Timestamp.from(m.time());
        }
        return insert(c, """
                INSERT INTO milestone_event (id, actor_key, milestone, object_id, occurred_at)
                SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[]) ON CONFLICT (id) DO NOTHING""",
                cols, new String[] {"uuid", "varchar", "varchar", "varchar", "timestamptz"});
    }

    /** Records a merge and moves what the guest did so far to the account; a merge seen before changes nothing. */
    public int applyMerge(Connection c, GuestProgressMerged merge) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO actor_alias (guest_key, account_key, event_id) VALUES (?, ?, ?) ON CONFLICT (guest_key) DO NOTHING")) {
            s.setString(1, merge.guestKey().toString());
            s.setString(2, merge.key().toString());
            s.setObject(3, merge.id());
            if (s.executeUpdate() == 0) {
                return 0;
            }
        }
        String account = merge.key().toString();
        String guest = merge.guestKey().toString();
        int moved = 0;
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE learning_event SET actor_key = ?, tenant = ?, actor_id = ?, actor_kind = 'LEARNER' WHERE actor_key = ?")) {
            s.setString(1, account);
            s.setString(2, merge.key().tenant());
            s.setString(3, merge.key().id());
            s.setString(4, guest);
            moved += s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE quiz_attempt SET actor_key = ?, tenant = ? WHERE actor_key = ?")) {
            s.setString(1, account);
            s.setString(2, merge.key().tenant());
            s.setString(3, guest);
            moved += s.executeUpdate();
        }
        return moved;
    }

    /** Guest key → account key, for the guests among the keys that signed in. */
    public Map<ActorKey, ActorKey> aliases(Connection c, Collection<ActorKey> keys) throws SQLException {
        return GuestAliases.lookup(c, "actor_alias", keys);
    }

    private static int insert(Connection c, String sql, Object[][] cols, String[] types) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int k = 0; k < cols.length; k++) {
                s.setArray(k + 1, c.createArrayOf(types[k], cols[k]));
            }
            return s.executeUpdate();
        }
    }
}
