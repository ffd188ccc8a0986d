package org.nslab.analytics.scope;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

@ApplicationScoped
public class CohortRepository {

    private static final String SELECT = """
            SELECT c.id, c.tenant, c.course, c.name, c.created_at,
                   coalesce((SELECT array_agg(instructor_key ORDER BY instructor_key) FROM cohort_instructor i WHERE i.cohort_id = c.id), '{}'),
                   coalesce((SELECT array_agg(actor_key ORDER BY actor_key) FROM enrolment e WHERE e.cohort_id = c.id), '{}')
            FROM cohort c""";

    private final DataSource dataSource;

    public CohortRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the new cohort, or empty when the institution already has one with this course and name */
    public Optional<Cohort> create(String tenant, String course, String name, String createdBy, Collection<String> instructors) {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO cohort (id, tenant, course, name, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                s.setObject(1, id);
                s.setString(2, tenant);
                s.setString(3, course);
                s.setString(4, name);
                s.setString(5, createdBy);
                if (s.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cohort_instructor (cohort_id, instructor_key) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                for (String instructor : instructors) {
                    s.setObject(1, id);
                    s.setString(2, instructor);
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return find(id);
    }

    /** @return how many of the keys were not enrolled before */
    public int enrol(UUID cohortId, Collection<String> keys) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO enrolment (cohort_id, actor_key) SELECT ?, unnest(?::varchar[]) ON CONFLICT DO NOTHING")) {
            s.setObject(1, cohortId);
            s.setArray(2, c.createArrayOf("varchar", keys.toArray()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Cohort> find(UUID id) {
        return query(SELECT + " WHERE c.id = ?", s -> s.setObject(1, id)).stream().findFirst();
    }

    public List<Cohort> ofTenant(String tenant) {
        return query(SELECT + " WHERE c.tenant = ? ORDER BY c.course, c.name", s -> s.setString(1, tenant));
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<Cohort> query(String sql, Binder binder) {
        List<Cohort> cohorts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cohorts.add(new Cohort(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            Arrays.asList((String[]) rs.getArray(6).getArray()), Arrays.asList((String[]) rs.getArray(7).getArray()),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return cohorts;
    }
}
