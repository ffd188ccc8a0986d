package org.nslab.simulation.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nslab.events.RunState;
import org.nslab.events.TrainingProgressed;
import org.nslab.simulation.messaging.TrainingProgressPublisher;
import org.nslab.simulation.messaging.TrainingRunRequests;
import org.nslab.simulation.repository.TrainingRunEntity;
import org.nslab.simulation.training.RunSettings;
import org.nslab.testing.TestServersResource;

/**
 * Two replicas of the service in one consumer group on the real Kafka and PostgreSQL: the application
 * under test (replica A) and a second {@link TrainingRuns} with its own Kafka consumer, worker pool and
 * leases (replica B), sharing the database, the blob folder and the request topic as two processes would.
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
class TrainingRunReplicasTests {

    @Inject
    TrainingRuns a;
    @Inject
    RunRecords records;
    @Inject
    LabTokenizer lab;
    @Inject
    TrainingProgressPublisher publisher;
    @Inject
    TrainingRunRequests requests;
    @Inject
    RunsConfig config;
    @Inject
    ReferenceModelConfig reference;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TrainingRuns b;
    private final List<String[]> started = new ArrayList<>();

    @BeforeEach
    void secondReplica() {
        b = new TrainingRuns(records, lab, publisher, requests, new RunsConfig() {
            public int workers() {
                return 2;
            }

            public Duration lease() {
                return config.lease();
            }

            public String group() {
                return config.group();
            }

            public Duration consumerSessionTimeout() {
                return config.consumerSessionTimeout();
            }

            public Optional<String> replicaId() {
                return Optional.of("replica-b-" + UUID.randomUUID().toString().substring(0, 8));
            }
        }, reference, bootstrapServers);
        b.start();
        // both replicas in the group, the request topic's partitions split between them
        await().atMost(Duration.ofSeconds(60)).until(() -> !a.partitions().isEmpty() && !b.partitions().isEmpty()
                && a.partitions().stream().noneMatch(b.partitions()::contains));
    }

    @AfterEach
    void cleanUp() {
        for (String[] run : started) {
            a.control(run[0], UUID.fromString(run[1]), TrainingRuns.Action.CANCEL, 1);
        }
        b.stop();
    }

    @Test
    void runsAreSharedByTheReplicasAndControlReachesTheOneThatTrains() {
        Map<String, UUID> held = new ConcurrentHashMap<>();
        // run ids are random and keyed to partitions: start runs until each replica holds one
        for (int i = 0; i < 30 && held.size() < 2; i++) {
            UUID id = startOn(a, settings(3000, 20, 50));
            await().atMost(Duration.ofSeconds(30)).until(() -> run(id).replica != null);
            held.putIfAbsent(run(id).replica, id);
        }
        assertEquals(Set.of(a.replica(), b.replica()), held.keySet(), "both replicas train runs");

        UUID onB = held.get(b.replica());
        String owner = run(onB).owner;
        // followed live on this replica, through Kafka
        List<TrainingProgressed> followed = new CopyOnWriteArrayList<>();
        publisher.follow(onB).subscribe().with(followed::add);
        await().atMost(Duration.ofSeconds(60)).until(() -> "RUNNING".equals(run(onB).state) && run(onB).step >= 1);
        // paused through replica A's API, carried out by replica B, which trains the run
        assertTrue(a.control(owner, onB, TrainingRuns.Action.PAUSE, 1).problems().isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAUSED".equals(run(onB).state));
        assertEquals(null, run(onB).replica, "a paused run is held by nobody");
        await().atMost(Duration.ofSeconds(30)).until(() -> followed.stream().anyMatch(e -> e.state() == RunState.PAUSED));
        assertTrue(followed.stream().anyMatch(e -> e.state() == RunState.RUNNING && e.trainLoss() != null), followed.toString());
        int pausedAt = run(onB).step;
        assertTrue(a.control(owner, onB, TrainingRuns.Action.STEP, 4).problems().isEmpty());
        await().atMost(Duration.ofSeconds(120)).until(() -> "PAUSED".equals(run(onB).state) && run(onB).step == pausedAt + 4);
        assertTrue(a.control(owner, onB, TrainingRuns.Action.RESUME, 1).problems().isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> "RUNNING".equals(run(onB).state) && run(onB).step > pausedAt + 4);
        assertTrue(a.control(owner, onB, TrainingRuns.Action.CANCEL, 1).problems().isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(run(onB).state));
    }

    @Test
    void aRunWaitsOnlyWhileEveryReplicaIsBusyAndKnowsItsPlace() {
        // two replicas of two workers each (the test profile's and B's): four runs train at once, wherever their keys land
        List<UUID> training = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            training.add(startOn(i % 2 == 0 ? a : b, settings(3000, 20, 1000)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> training.stream().allMatch(id -> "RUNNING".equals(run(id).state)));
        assertEquals(Set.of(a.replica(), b.replica()), training.stream().map(id -> run(id).replica).collect(java.util.stream.Collectors.toSet()),
                "each replica trains two");

        UUID waiting = startOn(b, settings(20, 0, 10));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> "QUEUED".equals(run(waiting).state));
        assertEquals(null, run(waiting).replica, "no busy replica holds a waiting run");
        assertEquals(1, run(waiting).queuePosition());

        // a slot frees up on either replica: the waiting run trains there
        UUID cancelled = training.get(1);
        assertTrue(a.control(run(cancelled).owner, cancelled, TrainingRuns.Action.CANCEL, 1).problems().isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(run(waiting).state));
    }

    @Test
    void aRunSurvivesItsReplicaGoingAwayAndTrainsExactlyAsWithoutTheInterruption() {
        // the same run without interruption, for its losses
        UUID whole = startOn(a, settings(60, 0, 10));
        await().atMost(Duration.ofSeconds(120)).until(() -> "COMPLETED".equals(run(whole).state));

        UUID onB = null;
        for (int i = 0; i < 30 && onB == null; i++) {
            UUID id = startOn(a, settings(60, 60, 10));
            await().atMost(Duration.ofSeconds(30)).until(() -> run(id).replica != null);
            if (b.replica().equals(run(id).replica)) {
                onB = id;
            } else {
                a.control(run(id).owner, id, TrainingRuns.Action.CANCEL, 1);
            }
        }
        assertTrue(onB != null, "a run landed on replica B");
        UUID id = onB;
        await().atMost(Duration.ofSeconds(60)).until(() -> checkpointSteps(id).contains(20));
        int stepAtHalt = run(id).step;
        b.halt();

        Set<String> holders = new HashSet<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            TrainingRunEntity r = run(id);
            if (r.replica != null) {
                holders.add(r.replica);
            }
            return "COMPLETED".equals(r.state);
        });
        assertTrue(holders.contains(a.replica()), "replica A took the run over: " + holders);
        assertTrue(stepAtHalt < 60, "the run was halted mid-way, at step " + stepAtHalt);
        assertEquals(List.of(10, 20, 30, 40, 50, 60), checkpointSteps(id));
        assertEquals(lossAt(whole, 60), lossAt(id, 60), "resumed from a checkpoint, the run trains exactly as without the interruption");
        assertEquals(lossAt(whole, 40), lossAt(id, 40));
    }

    private UUID startOn(TrainingRuns replica, RunSettings settings) {
        String owner = "demo-university/" + UUID.randomUUID();
        TrainingRuns.Outcome outcome = replica.start(owner, settings);
        assertTrue(outcome.problems().isEmpty(), outcome.problems().toString());
        started.add(new String[] {owner, outcome.run().id.toString()});
        return outcome.run().id;
    }

    private static RunSettings settings(int steps, int throttleMillis, int checkpointEvery) {
        return new RunSettings(1, 1, 16, 16, 4, 3e-3, 5, steps, 0.1, 7, 20, 0, checkpointEvery, throttleMillis);
    }

    private TrainingRunEntity run(UUID id) {
        return records.find(id).orElseThrow();
    }

    private List<Integer> checkpointSteps(UUID id) {
        return records.checkpoints(id).stream().map(c -> c.step).toList();
    }

    private Double lossAt(UUID id, int step) {
        return records.checkpoints(id).stream().filter(c -> c.step == step).map(c -> c.trainLoss).findFirst().orElseThrow();
    }
}
