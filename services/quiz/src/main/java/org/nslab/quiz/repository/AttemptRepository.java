package org.nslab.quiz.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Stored attempts, with plain JDBC; inside a JTA transaction the connection is the transaction's. */
@ApplicationScoped
public class AttemptRepository {

    public record AttemptRow(UUID id, String actorKey, String actorId, String actorKind, String tenant, String quizId,
                             String questionId, int attemptNumber, String response, boolean correct, double score,
                             String releaseId, Instant createdAt) {
    }

    private static final String COLUMNS = "id, actor_key, actor_id, actor_kind, tenant, quiz_id, question_id, attempt_number, "
            + "response, correct, score, release_id, created_at";

    private final DataSource dataSource;

    public AttemptRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Inserts unless the attempt number is taken (a concurrent submission); returns whether it was inserted. */
    public boolean insert(Connection c, AttemptRow a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO attempt (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (actor_key, question_id, attempt_number) DO NOTHING")) {
            s.setObject(1, a.id());
            s.setString(2, a.actorKey());
            s.setString(3, a.actorId());
            s.setString(4, a.actorKind());
            s.setString(5, a.tenant());
            s.setString(6, a.quizId());
            s.setString(7, a.questionId());
            s.setInt(8, a.attemptNumber());
            s.setString(9, a.response());
            s.setBoolean(10, a.correct());
            s.setDouble(11, a.score());
            s.setString(12, a.releaseId());
            s.setTimestamp(13, Timestamp.from(a.createdAt()));
            return s.executeUpdate() == 1;
        }
    }

    public List<AttemptRow> byActorAndQuizzes(String actorKey, List<String> quizIds) {
        return query("SELECT " + COLUMNS + " FROM attempt WHERE actor_key = ? AND quiz_id = ANY (?) ORDER BY created_at, attempt_number",
                actorKey, quizIds);
    }

    public List<AttemptRow> byActorAndQuestion(String actorKey, String questionId) {
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM attempt WHERE actor_key = ? AND question_id = ? ORDER BY attempt_number")) {
            s.setString(1, actorKey);
            s.setString(2, questionId);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<AttemptRow> find(UUID id) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM attempt WHERE id = ?")) {
            s.setObject(1, id);
            return read(s).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AttemptRow> query(String sql, String actorKey, List<String> quizIds) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, actorKey);
            s.setArray(2, c.createArrayOf("varchar", quizIds.toArray()));
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AttemptRow> read(PreparedStatement s) throws SQLException {
        List<AttemptRow> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new AttemptRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getBoolean(10), rs.getDouble(11),
                        rs.getString(12), rs.getTimestamp(13).toInstant()));
            }
        }
        return rows;
    }
}
