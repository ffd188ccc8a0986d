package org.nslab.progress.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.nslab.events.ActorKey;
import org.nslab.events.GuestAliases;
import org.nslab.events.LearningEventRecorded.ActorKind;
import org.nslab.events.MilestoneKind;
import org.nslab.outbox.KeyQueries;
import org.nslab.progress.model.ItemRef;
import org.nslab.progress.model.ProgressCalculator.Milestone;
import org.nslab.progress.model.ProgressFacts;
import org.nslab.progress.model.ProgressFacts.QuizStat;

/** The activity log, milestones and merges, with plain JDBC (set-based statements per batch). */
@ApplicationScoped
public class ActivityRepository {

    /** One row of the activity log. */
    public record ActivityRow(UUID eventId, ActorKey actorKey, ActorKind actorKind, String verb,
                              ItemRef item, Instant occurredAt, Long durationMs, String quizId, String questionId, Boolean correct,
                              Integer questionCount, Double passScore) {
    }

    private final DataSource dataSource;

    public ActivityRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Inserts the rows whose event id is new and returns those ids (a redelivered event is skipped). */
    public Set<UUID> insert(Connection c, List<ActivityRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Set.of();
        }
        int n = rows.size();
        Object[][] cols = new Object[16][n];
        for (int i = 0; i < n; i++) {
            ActivityRow r = rows.get(i);
            cols[0][i] = r.eventId().toString();
            cols[1][i] = r.actorKey().toString();
            cols[2][i] = r.actorKey().tenant();
            cols[3][i] = r.actorKey().id();
            cols[4][i] = r.actorKind().name();
            cols[5][i] = r.verb();
            cols[6][i] = r.item().kind();
            cols[7][i] = r.item().id();
            cols[8][i] = r.item().level();
            cols[9][i] = Timestamp.from(r.occurredAt());
            cols[10][i] = r.durationMs();
            cols[11][i] = r.quizId();
            cols[12][i] = r.questionId();
            cols[13][i] = r.correct();
            cols[14][i] = r.questionCount();
            cols[15][i] = r.passScore();
        }
        String[] types = {"uuid", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "int4", "timestamptz",
                "int8", "varchar", "varchar", "bool", "int4", "float8"};
        Set<UUID> inserted = new HashSet<>();
        returning(c, """
                INSERT INTO activity (event_id, actor_key, tenant, actor_id, actor_kind, verb, item_kind, item_id, level, occurred_at,
                                      duration_ms, quiz_id, question_id, correct, question_count, pass_score)
                SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                     ?::varchar[], ?::int4[], ?::timestamptz[], ?::int8[], ?::varchar[], ?::varchar[], ?::bool[],
                                     ?::int4[], ?::float8[])
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id""", cols, types, rs -> inserted.add(rs.getObject(1, UUID.class)));
        return inserted;
    }

    /** One array per field, element i from row i (for {@code unnest}). */
    @SafeVarargs
    private static <T> Object[][] columns(List<T> rows, Function<T, Object>... fields) {
        Object[][] cols = new Object[fields.length][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < fields.length; k++) {
                cols[k][i] = fields[k].apply(rows.get(i));
            }
        }
        return cols;
    }

    /** Runs a set-based statement with one array per column ({@code types}: their element types) and handles the rows it returns. */
    private static void returning(Connection c, String sql, Object[][] cols, String[] types, KeyQueries.RowHandler handler) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int k = 0; k < cols.length; k++) {
                s.setArray(k + 1, c.createArrayOf(types[k], cols[k]));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    /** Guest key → account key, for the guests among the keys that have merged. */
    public Map<ActorKey, ActorKey> accountsOf(Connection c, Collection<ActorKey> keys) throws SQLException {
        return GuestAliases.lookup(c, "merged_actor", keys);
    }

    /** Records the merge; returns the account the guest already merged into, if any. */
    public String recordMerge(Connection c, String guestKey, String accountKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO merged_actor (guest_key, account_key) VALUES (?, ?) ON CONFLICT (guest_key) DO NOTHING")) {
            s.setString(1, guestKey);
            s.setString(2, accountKey);
            if (s.executeUpdate() == 1) {
                return null;
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT account_key FROM merged_actor WHERE guest_key = ?")) {
            s.setString(1, guestKey);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    public int moveActivity(Connection c, ActorKey guestKey, ActorKey accountKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE activity SET actor_key = ?, tenant = ?, actor_id = ?, actor_kind = 'LEARNER' WHERE actor_key = ?")) {
            s.setString(1, accountKey.toString());
            s.setString(2, accountKey.tenant());
            s.setString(3, accountKey.id());
            s.setString(4, guestKey.toString());
            return s.executeUpdate();
        }
    }

    /** A milestone of one learner. */
    public record LearnerMilestone(String actorKey, Milestone milestone) {
    }

    /** Inserts the milestones not reached before, in one statement, and returns those (a milestone reached earlier is skipped). */
    public List<LearnerMilestone> reach(Connection c, List<LearnerMilestone> milestones) throws SQLException {
        if (milestones.isEmpty()) {
            return List.of();
        }
        Object[][] cols = columns(milestones, LearnerMilestone::actorKey, m -> m.milestone().milestone().name(), m -> m.milestone().objectId());
        List<LearnerMilestone> fresh = new ArrayList<>();
        returning(c, """
                INSERT INTO milestone (actor_key, milestone, object_id)
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) ON CONFLICT DO NOTHING
                RETURNING actor_key, milestone, object_id""", cols, new String[] {"varchar", "varchar", "varchar"},
                rs -> fresh.add(new LearnerMilestone(rs.getString(1), new Milestone(MilestoneKind.valueOf(rs.getString(2)), rs.getString(3)))));
        return fresh;
    }

    /**
     * Records the items the rows visited (quiz answers aside) in {@code visited_item} and returns the learners
     * for whom at least one was new: only their milestones can have changed through a visit.
     */
    public Set<String> visit(Connection c, List<ActivityRow> rows) throws SQLException {
        List<ActivityRow> visits = rows.stream().filter(r -> r.quizId() == null).toList();
        if (visits.isEmpty()) {
            return Set.of();
        }
        Object[][] cols = columns(visits, r -> r.actorKey().toString(), r -> r.item().kind(), r -> r.item().id(), r -> r.item().level());
        String[] types = {"varchar", "varchar", "varchar", "int2"};
        Set<String> learners = new HashSet<>();
        returning(c, """
                INSERT INTO visited_item (actor_key, item_kind, item_id, level)
                SELECT DISTINCT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int2[]) ON CONFLICT DO NOTHING
                RETURNING actor_key""", cols, types, rs -> learners.add(rs.getString(1)));
        return learners;
    }

    /** Moves a guest's visited items to the account (items both visited are kept once). */
    public void moveVisits(Connection c, String guestKey, String accountKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO visited_item (actor_key, item_kind, item_id, level)
                SELECT ?, item_kind, item_id, level FROM visited_item WHERE actor_key = ? ON CONFLICT DO NOTHING""")) {
            s.setString(1, accountKey);
            s.setString(2, guestKey);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM visited_item WHERE actor_key = ?")) {
            s.setString(1, guestKey);
            s.executeUpdate();
        }
    }

    /**
     * What milestones are derived from, for several learners at once (two queries): the items visited (from
     * {@code visited_item}) and the quizzes. The other fields of the facts are left empty.
     */
    public Map<String, ProgressFacts> milestoneFacts(Connection c, Collection<String> keys) throws SQLException {
        Object[] keyArray = keys.stream().distinct().toArray();
        Map<String, Set<ItemRef>> visited = new HashMap<>();
        Map<String, List<QuizStat>> quizzes = new HashMap<>();
        KeyQueries.forEachRow(c, "SELECT actor_key, item_kind, item_id, level FROM visited_item WHERE actor_key = ANY (?)", keyArray, rs ->
                visited.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(new ItemRef(rs.getString(2), rs.getString(3), (Integer) rs.getObject(4))));
        quizStats(c, keyArray, quizzes);
        Map<String, ProgressFacts> facts = new LinkedHashMap<>();
        for (Object key : keyArray) {
            String k = (String) key;
            facts.put(k, new ProgressFacts(k, visited.getOrDefault(k, Set.of()), quizzes.getOrDefault(k, List.of()), null, 0, 0, null, null,
                    null, null));
        }
        return facts;
    }

    private static void quizStats(Connection c, Object[] keyArray, Map<String, List<QuizStat>> quizzes) throws SQLException {
        KeyQueries.forEachRow(c, """
                SELECT actor_key, quiz_id, count(DISTINCT question_id) FILTER (WHERE correct), max(question_count), max(pass_score)
                FROM activity WHERE actor_key = ANY (?) AND quiz_id IS NOT NULL GROUP BY 1, 2 ORDER BY 2""", keyArray, rs ->
                quizzes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new QuizStat(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getDouble(5))));
    }

    public record ReachedMilestone(MilestoneKind milestone, String objectId, Instant reachedAt) {
    }

    public Map<String, List<ReachedMilestone>> milestones(Connection c, Collection<String> keys) throws SQLException {
        Map<String, List<ReachedMilestone>> result = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT actor_key, milestone, object_id, reached_at FROM milestone WHERE actor_key = ANY (?) ORDER BY reached_at, milestone, object_id")) {
            s.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ReachedMilestone(MilestoneKind.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return result;
    }

    /** The facts of each learner (learners without activity get empty facts). */
    public Map<String, ProgressFacts> facts(Connection c, Collection<String> keys) throws SQLException {
        Object[] keyArray = keys.stream().distinct().toArray();
        Map<String, Set<ItemRef>> visited = new HashMap<>();
        Map<String, List<QuizStat>> quizzes = new HashMap<>();
        Map<String, Object[]> totals = new HashMap<>();
        Map<String, Object[]> last = new HashMap<>();
        Map<String, String> paths = new HashMap<>();
        KeyQueries.forEachRow(c, """
                SELECT actor_key, item_kind, item_id, level FROM activity
                WHERE actor_key = ANY (?) AND quiz_id IS NULL GROUP BY 1, 2, 3, 4""", keyArray, rs ->
                visited.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(new ItemRef(rs.getString(2), rs.getString(3), (Integer) rs.getObject(4))));
        quizStats(c, keyArray, quizzes);
        KeyQueries.forEachRow(c, """
                SELECT actor_key, coalesce(sum(duration_ms), 0), count(*), min(occurred_at), max(occurred_at)
                FROM activity WHERE actor_key = ANY (?) GROUP BY 1""", keyArray, rs ->
                totals.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()}));
        KeyQueries.forEachRow(c, """
                SELECT DISTINCT ON (actor_key) actor_key, item_kind, item_id, level, occurred_at FROM activity
                WHERE actor_key = ANY (?) AND quiz_id IS NULL AND item_kind NOT IN ('path', 'view')
                ORDER BY actor_key, occurred_at DESC""", keyArray, rs ->
                last.put(rs.getString(1), new Object[] {new ItemRef(rs.getString(2), rs.getString(3), (Integer) rs.getObject(4)),
                        rs.getTimestamp(5).toInstant()}));
        KeyQueries.forEachRow(c, """
                SELECT DISTINCT ON (actor_key) actor_key, item_id FROM activity
                WHERE actor_key = ANY (?) AND item_kind = 'path' ORDER BY actor_key, occurred_at DESC""", keyArray, rs ->
                paths.put(rs.getString(1), rs.getString(2)));
        Map<String, ProgressFacts> facts = new LinkedHashMap<>();
        for (Object key : keyArray) {
            String k = (String) key;
            Object[] t = totals.get(k);
            Object[] l = last.get(k);
            facts.put(k, new ProgressFacts(k, visited.getOrDefault(k, Set.of()), quizzes.getOrDefault(k, List.of()), paths.get(k),
                    t == null ? 0 : (Long) t[0], t == null ? 0 : (Long) t[1], t == null ? null : (Instant) t[2], t == null ? null : (Instant) t[3],
                    l == null ? null : (ItemRef) l[0], l == null ? null : (Instant) l[1]));
        }
        return facts;
    }
}
