package org.nslab.analytics.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A payload that broke its event contract, kept for inspection and never counted. */
@Entity
@Table(name = "rejected_event")
public class RejectedEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "kafka_key")
    public String kafkaKey;

    @Column(nullable = false)
    public String problems;

    @Column(nullable = false)
    public String payload;

    @Column(name = "received_at", nullable = false, insertable = false, updatable = false)
    public Instant receivedAt;
}
