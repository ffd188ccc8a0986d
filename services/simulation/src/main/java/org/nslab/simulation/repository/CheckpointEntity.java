package org.nslab.simulation.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "checkpoint")
public class CheckpointEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Column(nullable = false)
    public int step;

    @Column(name = "train_loss")
    public Double trainLoss;

    @Column(name = "validation_loss")
    public Double validationLoss;

    @Column(nullable = false)
    public String blob;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<CheckpointEntity> ofRun(UUID runId) {
        return list("runId = ?1 order by step", runId);
    }

    public static Optional<CheckpointEntity> latest(UUID runId) {
        return find("runId = ?1 order by step desc", runId).firstResultOptional();
    }
}
