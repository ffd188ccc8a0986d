package org.nslab.simulation.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "training_run")
public class TrainingRunEntity extends PanacheEntityBase {

    public static final List<String> ACTIVE = List.of("QUEUED", "RUNNING", "PAUSED");

    @Id
    public UUID id;

    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public String state;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;

    @Column(nullable = false)
    public int step;

    @Column(nullable = false)
    public int steps;

    @Column(name = "last_train_loss")
    public Double lastTrainLoss;

    @Column(name = "best_validation_loss")
    public Double bestValidationLoss;

    public String message;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static long activeFor(String owner) {
        return count("owner = ?1 and state in ?2", owner, ACTIVE);
    }

    /** Runs waiting before this one (0 when it is next or running). */
    public long queuePosition() {
        if (!"QUEUED".equals(state)) {
            return 0;
        }
        return count("state = 'QUEUED' and createdAt < ?1", createdAt) + 1;
    }
}
