package org.nslab.simulation.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How this replica takes part in training learners' runs. */
@ConfigMapping(prefix = "nslab.simulation.runs")
public interface RunsConfig {

    /** Runs trained at once by this replica; 0: as many as it has cores. */
    @WithDefault("0")
    int workers();

    /** How long a replica's hold on a run lasts without renewal; a run whose lease ran out goes to another replica. */
    @WithDefault("30s")
    Duration lease();

    /** The Kafka consumer group of the replicas. */
    @WithDefault("simulation-runs")
    String group();

    /** How long Kafka waits for a silent replica before giving its partitions to the others. */
    @WithDefault("10s")
    Duration consumerSessionTimeout();

    /** This replica's name in the run table; default: host name and a random suffix. */
    Optional<String> replicaId();
}
