package org.nslab.analytics.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored learning event; rows are written by {@link LearningRecordStore#insertLearningEvents}. */
@Entity
@Table(name = "learning_event")
public class LearningEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "actor_key", nullable = false)
    public String actorKey;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "actor_id", nullable = false)
    public String actorId;

    @Column(name = "actor_kind", nullable = false)
    public String actorKind;

    @Column(nullable = false)
    public String verb;

    @Column(name = "object_id", nullable = false)
    public String objectId;

    @Column(name = "object_type", nullable = false)
    public String objectType;

    public Short level;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "received_at", nullable = false, insertable = false, updatable = false)
    public Instant receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;
}
