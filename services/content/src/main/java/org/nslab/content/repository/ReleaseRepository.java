package org.nslab.content.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.nslab.events.ContentReleasePublished;
import org.nslab.events.EventCodec;
import org.nslab.events.Topics;
import org.nslab.outbox.Outbox;

/** Content releases in PostgreSQL, written and read with plain JDBC (bulk inserts, no entities needed). */
@ApplicationScoped
public class ReleaseRepository {

    /** Serializes imports of several replicas starting at once. */
    private static final long IMPORT_LOCK = 0x6e736c6162L;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Release(String id, Instant importedAt, boolean active, String defaultLocale, List<String> locales) {
    }

    public record ItemRow(String kind, String id, String parentId, int position, JsonNode data) {
    }

    public record ProseRow(String kind, String id, String locale, String markdown) {
    }

    public enum ImportOutcome { IMPORTED, ALREADY_PRESENT }

    private final DataSource dataSource;

    public ReleaseRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a release unless it is there already, and makes it the active one; all or nothing. When the
     * active release changes, a {@link ContentReleasePublished} goes into the outbox in the same transaction.
     *
     * @param document the course document (with the quizzes' questions), stored once per release
     */
    public ImportOutcome importRelease(Release release, List<ItemRow> items, List<ProseRow> prose, JsonNode document) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, IMPORT_LOCK);
                    lock.execute();
                }
                String previous = null;
                try (PreparedStatement active = c.prepareStatement("SELECT id FROM content_release WHERE active");
                     ResultSet rs = active.executeQuery()) {
                    if (rs.next()) {
                        previous = rs.getString(1);
                    }
                }
                boolean present;
                try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM content_release WHERE id = ?")) {
                    exists.setString(1, release.id());
                    present = exists.executeQuery().next();
                }
                if (!present) {
                    insert(c, release, items, prose);
                }
                try (PreparedStatement d = c.prepareStatement(
                        "INSERT INTO content_document (release_id, document) VALUES (?, cast(? AS jsonb)) ON CONFLICT DO NOTHING")) {
                    d.setString(1, release.id());
                    d.setString(2, document.toString());
                    d.executeUpdate();
                }
                try (PreparedStatement off = c.prepareStatement("UPDATE content_release SET active = false WHERE active AND id <> ?");
                     PreparedStatement on = c.prepareStatement("UPDATE content_release SET active = true WHERE id = ?")) {
                    off.setString(1, release.id());
                    off.executeUpdate();
                    on.setString(1, release.id());
                    on.executeUpdate();
                }
                if (!release.id().equals(previous)) {
                    ContentReleasePublished event = ContentReleasePublished.of(release.id(), previous, release.defaultLocale(),
                            release.locales(), Instant.now());
                    Outbox.append(c, Topics.CONTENT_RELEASE_PUBLISHED, event.key(), event.id(), EventCodec.encode(event));
                }
                c.commit();
                return present ? ImportOutcome.ALREADY_PRESENT : ImportOutcome.IMPORTED;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot import content release " + release.id(), e);
        }
    }

    private static void insert(Connection c, Release release, List<ItemRow> items, List<ProseRow> prose) throws SQLException {
        try (PreparedStatement r = c.prepareStatement(
                "INSERT INTO content_release (id, default_locale, locales) VALUES (?, ?, ?)")) {
            r.setString(1, release.id());
            r.setString(2, release.defaultLocale());
            r.setArray(3, c.createArrayOf("text", release.locales().toArray()));
            r.executeUpdate();
        }
        try (PreparedStatement i = c.prepareStatement(
                "INSERT INTO content_item (release_id, kind, id, parent_id, position, data) VALUES (?, ?, ?, ?, ?, cast(? AS jsonb))")) {
            for (ItemRow item : items) {
                i.setString(1, release.id());
                i.setString(2, item.kind());
                i.setString(3, item.id());
                i.setString(4, item.parentId());
                i.setInt(5, item.position());
                i.setString(6, item.data().toString());
                i.addBatch();
            }
            i.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO content_prose (release_id, kind, id, locale, markdown) VALUES (?, ?, ?, ?, ?)")) {
            for (ProseRow row : prose) {
                p.setString(1, release.id());
                p.setString(2, row.kind());
                p.setString(3, row.id());
                p.setString(4, row.locale());
                p.setString(5, row.markdown());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    public Optional<Release> active() {
        return release("SELECT id, imported_at, active, default_locale, locales FROM content_release WHERE active", null);
    }

    public Optional<Release> find(String id) {
        return release("SELECT id, imported_at, active, default_locale, locales FROM content_release WHERE id = ?", id);
    }

    public List<Release> all() {
        List<Release> releases = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, imported_at, active, default_locale, locales FROM content_release ORDER BY imported_at DESC");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                releases.add(toRelease(rs));
            }
            return releases;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Release> release(String sql, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setString(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(toRelease(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Release toRelease(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp(2);
        return new Release(rs.getString(1), at.toInstant(), rs.getBoolean(3), rs.getString(4),
                Arrays.asList((String[]) rs.getArray(5).getArray()));
    }

    /** The course document of a release; empty when the release has none (imported before documents were kept). */
    public Optional<JsonNode> document(String releaseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT document FROM content_document WHERE release_id = ?")) {
            s.setString(1, releaseId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(JSON.readTree(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ItemRow> items(String releaseId) {
        List<ItemRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT kind, id, parent_id, position, data FROM content_item WHERE release_id = ? ORDER BY kind, position, id")) {
            s.setString(1, releaseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ItemRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), JSON.readTree(rs.getString(5))));
                }
            }
            return rows;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ProseRow> prose(String releaseId) {
        List<ProseRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT kind, id, locale, markdown FROM content_prose WHERE release_id = ?")) {
            s.setString(1, releaseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ProseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
