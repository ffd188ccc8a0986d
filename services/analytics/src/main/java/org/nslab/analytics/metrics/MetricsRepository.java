package org.nslab.analytics.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.nslab.outbox.KeyQueries;
import org.nslab.analytics.metrics.LearningMetrics.Comprehension;
import org.nslab.analytics.metrics.LearningMetrics.DropOff;
import org.nslab.analytics.metrics.LearningMetrics.ItemDifficulty;
import org.nslab.analytics.metrics.LearningMetrics.WrongAnswer;

/** The metrics in SQL over the events of a set of learners. */
@ApplicationScoped
public class MetricsRepository {

    static final int WRONG_ANSWERS_PER_QUESTION = 3;
    static final int DROP_OFF_PLACES = 10;

    private final DataSource dataSource;

    public MetricsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every learner key of an institution that has events. */
    public List<String> learnersOf(String tenant) {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT actor_key FROM learning_event WHERE tenant = ? UNION SELECT actor_key FROM quiz_attempt WHERE tenant = ? ORDER BY 1")) {
            s.setString(1, tenant);
            s.setString(2, tenant);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    public LearningMetrics metrics(Collection<String> keys) {
        Object[] k = keys.stream().distinct().toArray();
        try (Connection c = dataSource.getConnection()) {
            long[] sessionCounts = new long[3]; // learners, sessions, returning learners
            double[] sessionSeconds = new double[1];
            KeyQueries.forEachRow(c, """
                    WITH ev AS (
                      SELECT actor_key, occurred_at,
                             lag(occurred_at) OVER (PARTITION BY actor_key ORDER BY occurred_at) AS prev
                      FROM learning_event WHERE actor_key = ANY (?)),
                    marked AS (
                      SELECT actor_key, occurred_at,
                             sum(CASE WHEN prev IS NULL OR occurred_at - prev > interval '30 minutes' THEN 1 ELSE 0 END)
                               OVER (PARTITION BY actor_key ORDER BY occurred_at) AS session
                      FROM ev),
                    sessions AS (
                      SELECT actor_key, session, extract(epoch FROM max(occurred_at) - min(occurred_at)) AS seconds
                      FROM marked GROUP BY 1, 2),
                    per_learner AS (SELECT actor_key, count(*) AS n, sum(seconds) AS seconds FROM sessions GROUP BY 1)
                    SELECT count(*), coalesce(sum(n), 0), count(*) FILTER (WHERE n > 1), coalesce(sum(seconds), 0) FROM per_learner""", k, rs -> {
                sessionCounts[0] = rs.getLong(1);
                sessionCounts[1] = rs.getLong(2);
                sessionCounts[2] = rs.getLong(3);
                sessionSeconds[0] = rs.getDouble(4);
            });
            double[] levels = new double[1];
            KeyQueries.forEachRow(c, """
                    SELECT coalesce(avg(n), 0) FROM (
                      SELECT actor_key, count(DISTINCT level) AS n FROM learning_event
                      WHERE actor_key = ANY (?) AND level IS NOT NULL GROUP BY 1) per_learner""", k, rs -> levels[0] = rs.getDouble(1));
            long[] completed = new long[1];
            KeyQueries.forEachRow(c, "SELECT count(DISTINCT actor_key) FROM milestone_event WHERE actor_key = ANY (?) AND milestone = 'PATH_COMPLETED'", k,
                    rs -> completed[0] = rs.getLong(1));
            List<Comprehension> comprehension = new ArrayList<>();
            KeyQueries.forEachRow(c, """
                    SELECT target_kind, target_id, count(*), avg(mastery) FROM (
                      SELECT actor_key, target_kind, target_id, quiz_id,
                             least(1.0, count(DISTINCT question_id) FILTER (WHERE correct)::float8 / max(question_count)) AS mastery
                      FROM quiz_attempt WHERE actor_key = ANY (?) GROUP BY 1, 2, 3, 4) per_learner
                    GROUP BY 1, 2 ORDER BY 1, 2""", k, rs -> comprehension.add(new Comprehension(rs.getString(1), rs.getString(2), rs.getInt(3),
                    rs.getDouble(4))));
            Map<String, List<WrongAnswer>> wrong = new LinkedHashMap<>();
            KeyQueries.forEachRow(c, """
                    SELECT question_id, response, n FROM (
                      SELECT question_id, response, count(*) AS n,
                             row_number() OVER (PARTITION BY question_id ORDER BY count(*) DESC, response) AS rank
                      FROM quiz_attempt WHERE actor_key = ANY (?) AND NOT correct AND response IS NOT NULL GROUP BY 1, 2) ranked
                    WHERE rank <= %d ORDER BY question_id, n DESC, response""".formatted(WRONG_ANSWERS_PER_QUESTION), k,
                    rs -> wrong.computeIfAbsent(rs.getString(1), q -> new ArrayList<>()).add(new WrongAnswer(rs.getString(2), rs.getLong(3))));
            List<ItemDifficulty> items = new ArrayList<>();
            KeyQueries.forEachRow(c, """
                    SELECT question_id, min(quiz_id), count(*), count(*) FILTER (WHERE attempt_number = 1),
                           coalesce(avg(CASE WHEN correct THEN 1.0 ELSE 0.0 END) FILTER (WHERE attempt_number = 1), 0)
                    FROM quiz_attempt WHERE actor_key = ANY (?) GROUP BY 1 ORDER BY 5, 1""", k,
                    rs -> items.add(new ItemDifficulty(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5),
                            wrong.getOrDefault(rs.getString(1), List.of()))));
            List<DropOff> dropOff = new ArrayList<>();
            KeyQueries.forEachRow(c, """
                    SELECT object_id, level, count(*) FROM (
                      SELECT DISTINCT ON (actor_key) actor_key, object_id, level FROM learning_event
                      WHERE actor_key = ANY (?) ORDER BY actor_key, occurred_at DESC) last_seen
                    GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT %d""".formatted(DROP_OFF_PLACES), k,
                    rs -> dropOff.add(new DropOff(rs.getString(1), (Integer) (rs.getObject(2) == null ? null : rs.getInt(2)), rs.getLong(3))));
            long learners = sessionCounts[0];
            return new LearningMetrics((int) learners, sessionCounts[1], sessionCounts[1] == 0 ? 0 : sessionSeconds[0] / sessionCounts[1],
                    levels[0], learners == 0 ? 0 : (double) completed[0] / learners, learners == 0 ? 0 : (double) sessionCounts[2] / learners,
                    comprehension, items, dropOff);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
