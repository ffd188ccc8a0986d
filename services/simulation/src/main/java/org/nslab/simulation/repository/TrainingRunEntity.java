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

    /** The replica that holds the run (queued there or training), null when none does. */
    public String replica;

    /** The token of the latest claim; only the worker holding it may start, release or give back the run. */
    public UUID claim;

    /** Until when the holder's claim is valid; it renews it while it holds the run. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** PAUSE or CANCEL, asked through the API and carried out by the replica that trains the run. */
    @Column(name = "requested_action")
    public String requestedAction;

    /** The step at which a stepped run pauses again; null: train to the end. */
    @Column(name = "pause_at_step")
    public Integer pauseAtStep;

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
