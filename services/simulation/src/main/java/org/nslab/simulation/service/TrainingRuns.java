package org.nslab.simulation.service;

import org.nslab.events.RunState;
import org.nslab.events.TrainingRunRequested.Reason;
import org.nslab.simulation.validation.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nslab.events.TrainingProgressed;
import org.nslab.events.TrainingRunRequested;
import org.nslab.simulation.messaging.RunRequestConsumer;
import org.nslab.simulation.messaging.TrainingRunRequests;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.Trainer;
import org.nslab.simulation.messaging.TrainingProgressPublisher;
import org.nslab.simulation.repository.CheckpointEntity;
import org.nslab.simulation.repository.TrainingRunEntity;
import org.nslab.simulation.training.CheckpointStore;
import org.nslab.simulation.training.RunSettings;

/**
 * Learners' training runs as jobs, shared by the service's replicas. PostgreSQL is the source of truth
 * and the queue: a waiting run is a QUEUED row. A new, resumed or handed-over run is announced on
 * simulation.training-run-requested.v1 (keyed by run); the replicas consume it as one consumer group,
 * and the announcement wakes a replica that claims the oldest queued runs, one per free slot, under a
 * lease that it renews while it trains them. Each replica trains at most as many runs at once as it has
 * cores and claims nothing while busy; every replica with a free slot also looks at the queue on its
 * lease timer, so a run waits only while all replicas are busy (in order, and it knows its place). A
 * learner has at most one active run. Pause and cancel are written to the run's row and read by whichever
 * replica trains it. Pausing, stepping and the end of a run write a checkpoint (weights and optimizer state in
 * trains it. Pausing, stepping and the end of a run write a checkpoint (weights and optimizer state in
 * the blob folder that the replicas share, metadata in PostgreSQL), and a paused run frees its worker.
 * When a replica goes away (stopped, crashed, restarted), its leases run out and another replica, or
 * the same one after its restart, hands the runs over: they continue from their last checkpoint,
 * exactly as they would have.
 */
@ApplicationScoped
public class TrainingRuns {

    public enum Action { PAUSE, RESUME, CANCEL, STEP }

    /** A result for the API: the run, or the problems with the request. */
    public record Outcome(TrainingRunEntity run, List<Problem> problems) {
        static Outcome problem(String field, String message) {
            return new Outcome(null, List.of(new Problem(field, message)));
        }
    }

    private static final Logger LOG = Logger.getLogger(TrainingRuns.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How often a training replica reads the run's row for pause and cancel requests. */
    private static final long CONTROL_POLL_NANOS = 200_000_000L;

    private final RunRecords records;
    private final LabTokenizer lab;
    private final TrainingProgressPublisher publisher;
    private final CheckpointStore store;
    private final TrainingRunRequests requests;
    private final RunsConfig config;
    private final String replica;
    private final String bootstrapServers;
    private final ExecutorService workers;
    /** Free training slots of this replica: it claims a queued run only when it can train it at once. */
    private final Semaphore free;
    private final ScheduledExecutorService leases;
    private volatile RunRequestConsumer consumer;
    /** Set when the replica stops abruptly: workers leave the database as it is, like a crashed process. */
    private volatile boolean halted;
    /** Checkpoint models loaded for inspection, the four most recently used. */
    private final Map<String, Gpt> loaded = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Gpt> eldest) {
            return size() > 4;
        }
    };

    public TrainingRuns(RunRecords records, LabTokenizer lab, TrainingProgressPublisher publisher, TrainingRunRequests requests,
                        RunsConfig config, ReferenceModelConfig reference,
                        @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.records = records;
        this.lab = lab;
        this.publisher = publisher;
        this.requests = requests;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.replica = config.replicaId().orElseGet(TrainingRuns::defaultReplicaId);
        this.store = new CheckpointStore(reference.dataDir().resolve("checkpoints"));
        int threads = config.workers() > 0 ? config.workers() : Runtime.getRuntime().availableProcessors();
        this.free = new Semaphore(threads);
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "training-run");
            t.setDaemon(true);
            return t;
        });
        this.leases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "training-run-leases");
            t.setDaemon(true);
            return t;
        });
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Joins the replicas' consumer group and starts renewing leases and handing over runs whose lease ran out. */
    public void start() {
        consumer = new RunRequestConsumer(bootstrapServers, config.group(), replica, config.consumerSessionTimeout(),
                this::take).start();
        long period = Math.max(200, config.lease().toMillis() / 3);
        leases.scheduleWithFixedDelay(this::tendLeases, 0, period, TimeUnit.MILLISECONDS);
    }

    /** Leaves the group and gives back the runs this replica holds, to continue from their last checkpoint elsewhere. */
    public void stop() {
        leases.shutdownNow();
        if (consumer != null) {
            consumer.close();
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops like a crashed process: no more renewals, nothing written; its leases run out. For tests. */
    public void halt() {
        halted = true;
        leases.shutdownNow();
        if (consumer != null) {
            consumer.close();
        }
        workers.shutdownNow();
    }

    /** This replica's name in the run table. */
    public String replica() {
        return replica;
    }

    /** The request-topic partitions this replica consumes now. */
    public java.util.Set<Integer> partitions() {
        return consumer == null ? java.util.Set.of() : consumer.partitions();
    }

    private Instant leaseEnd() {
        return Instant.now().plus(config.lease());
    }

    /**
     * A request from the group wakes this replica up: it claims the oldest queued runs, the requested one or
     * another, as long as it has free slots. A busy replica claims nothing, so a queued run never waits behind
     * one replica's work while another replica is idle.
     */
    private void take(TrainingRunRequested request) {
        claimQueued();
    }

    /** Claims the oldest queued runs nobody holds, one per free slot, and trains them. */
    private void claimQueued() {
        while (!halted && !workers.isShutdown() && free.tryAcquire()) {
            Optional<RunRecords.Claim> next;
            try {
                next = records.claimNext(replica, leaseEnd());
            } catch (RuntimeException e) {
                free.release();
                LOG.warnf("queued training runs not read: %s", e.toString());
                return;
            }
            if (next.isEmpty()) {
                free.release();
                return;
            }
            RunRecords.Claim claim = next.get();
            try {
                workers.execute(() -> {
                    try {
                        execute(claim);
                    } finally {
                        free.release();
                    }
                    claimQueued();
                });
            } catch (RejectedExecutionException e) {
                // stopping: the claimed run's lease runs out and another replica takes it
                free.release();
                return;
            }
        }
    }

    private void tendLeases() {
        try {
            records.renew(replica, leaseEnd());
            for (TrainingRunEntity run : records.expired()) {
                if (records.handOver(run.id, leaseEnd())) {
                    LOG.infof("training run %s: its replica's lease ran out, handing it over", run.id);
                    requests.publish(TrainingRunRequested.of(run.id, run.owner, Reason.HANDED_OVER, null));
                }
            }
            claimQueued();
        } catch (RuntimeException e) {
            LOG.warnf("training-run leases not tended: %s", e.toString());
        }
    }

    private static String defaultReplicaId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "replica";
        }
        String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }

    public Outcome start(String owner, RunSettings settings) {
        List<Problem> problems = settings.problems(lab.bpe().vocabularySize());
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        if (records.activeRuns(owner) > 0) {
            return Outcome.problem("owner", "this learner already has an active run; finish, pause-and-cancel or wait for it first");
        }
        TrainingRunEntity run = records.create(owner, json(settings), settings.steps(), leaseEnd());
        publish(run.id, owner, "QUEUED", 0, settings.steps());
        requests.publish(TrainingRunRequested.of(run.id, owner, Reason.STARTED, null));
        return new Outcome(records.find(run.id).orElseThrow(), List.of());
    }

    public Outcome control(String owner, UUID runId, Action action, int steps) {
        Optional<TrainingRunEntity> found = records.find(runId);
        if (found.isEmpty()) {
            return Outcome.problem("runId", "no training run " + runId);
        }
        TrainingRunEntity run = found.get();
        if (!run.owner.equals(owner)) {
            return Outcome.problem("runId", "this run belongs to another learner");
        }
        switch (action) {
            case CANCEL -> {
                if (!TrainingRunEntity.ACTIVE.contains(run.state)) {
                    return Outcome.problem("action", "the run has already ended (" + run.state + ")");
                }
                // a queued or paused run ends here; a running one is ended by the replica that trains it
                if (records.transition(runId, List.of("QUEUED", "PAUSED"), "CANCELLED", "cancelled by its owner")) {
                    publish(runId, owner, "CANCELLED", run.step, run.steps);
                } else if (!records.request(runId, "CANCEL", List.of("RUNNING"))) {
                    return Outcome.problem("action", "the run has just ended");
                }
            }
            case PAUSE -> {
                if (!"RUNNING".equals(run.state) && !"QUEUED".equals(run.state)) {
                    return Outcome.problem("action", "only a running or queued run can be paused (it is " + run.state + ")");
                }
                records.request(runId, "PAUSE", List.of("QUEUED", "RUNNING"));
            }
            case RESUME, STEP -> {
                if (!"PAUSED".equals(run.state)) {
                    return Outcome.problem("action", "only a paused run can be resumed or stepped (it is " + run.state + ")");
                }
                if (action == Action.STEP && (steps < 1 || steps > 1000)) {
                    return Outcome.problem("steps", "steps must be between 1 and 1000");
                }
                Integer pauseAt = action == Action.STEP ? run.step + steps : null;
                if (!records.resume(runId, pauseAt, leaseEnd())) {
                    return Outcome.problem("action", "the run is no longer paused");
                }
                requests.publish(TrainingRunRequested.of(runId, owner, action == Action.STEP ? Reason.STEPPED : Reason.RESUMED,
                        action == Action.STEP ? steps : null));
            }
        }
        return new Outcome(records.find(runId).orElseThrow(), List.of());
    }

    public Optional<TrainingRunEntity> find(UUID id) {
        return records.find(id);
    }

    public List<TrainingRunEntity> ofOwner(String owner) {
        return records.ofOwner(owner);
    }

    public List<CheckpointEntity> checkpoints(UUID runId) {
        return records.checkpoints(runId);
    }

    public long queuePosition(UUID runId) {
        return records.queuePosition(runId);
    }

    /** The parameters of every checkpoint of a run, in step order (for its trajectory on a loss landscape). */
    public List<Map.Entry<Integer, float[]>> checkpointParameters(UUID runId) {
        List<Map.Entry<Integer, float[]>> all = new java.util.ArrayList<>();
        for (CheckpointEntity checkpoint : records.checkpoints(runId)) {
            try {
                all.add(Map.entry(checkpoint.step, store.read(checkpoint.blob).parameters()));
            } catch (IOException e) {
                LOG.warnf("checkpoint %s cannot be read: %s", checkpoint.blob, e.toString());
            }
        }
        return all;
    }

    /** The model of a run at one of its checkpoints (the latest when {@code step} is null), kept for a few inspections. */
    public Optional<Gpt> checkpointModel(UUID runId, Integer step) {
        Optional<TrainingRunEntity> run = records.find(runId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Optional<CheckpointEntity> checkpoint = step == null ? records.latestCheckpoint(runId)
                : records.checkpoints(runId).stream().filter(c -> c.step == step).findFirst();
        if (checkpoint.isEmpty()) {
            return Optional.empty();
        }
        synchronized (loaded) {
            Gpt cached = loaded.get(checkpoint.get().blob);
            if (cached != null) {
                return Optional.of(cached);
            }
            try {
                RunSettings settings = JSON.readValue(run.get().settings, RunSettings.class);
                Gpt model = Gpt.fromParameters(settings.model(lab.bpe().vocabularySize()), store.read(checkpoint.get().blob).parameters());
                loaded.put(checkpoint.get().blob, model);
                return Optional.of(model);
            } catch (IOException e) {
                LOG.error("checkpoint " + checkpoint.get().blob + " cannot be read", e);
                return Optional.empty();
            }
        }
    }

    private void execute(RunRecords.Claim claim) {
        if (halted) {
            return;
        }
        UUID runId = claim.runId();
        TrainingRunEntity run = records.find(runId).orElse(null);
        if (run == null || !"QUEUED".equals(run.state) || !claim.token().equals(run.claim)) {
            return;
        }
        if ("CANCEL".equals(run.requestedAction)) {
            release(run, "CANCELLED", "cancelled by its owner", run.step);
            return;
        }
        try {
            RunSettings settings = JSON.readValue(run.settings, RunSettings.class);
            int vocabulary = lab.bpe().vocabularySize();
            Gpt model = Gpt.initialize(settings.model(vocabulary), settings.seed());
            Optional<CheckpointEntity> latest = records.latestCheckpoint(runId);
            Trainer trainer = latest.isPresent()
                    ? Trainer.restore(model, settings.training(), lab.dataset(), store.read(latest.get().blob))
                    : new Trainer(model, settings.training(), lab.dataset());
            if (!records.startRunning(runId, run.claim, leaseEnd())) {
                return;
            }
            publish(runId, run.owner, "RUNNING", trainer.stepsDone(), settings.steps());
            Trainer.StepReport report = null;
            long lastPoll = 0;
            String request = run.requestedAction;
            while (!trainer.finished()) {
                if (halted) {
                    return;
                }
                if (Thread.currentThread().isInterrupted()) {
                    // this replica stops: give the run back, to continue from its last checkpoint
                    giveBack(run);
                    return;
                }
                if (System.nanoTime() - lastPoll > CONTROL_POLL_NANOS) {
                    lastPoll = System.nanoTime();
                    request = records.requestFor(runId, run.claim).orElse(null);
                }
                if ("LOST".equals(request)) {
                    LOG.warnf("training run %s: this replica lost its lease; another one continues it", runId);
                    return;
                }
                if ("CANCEL".equals(request)) {
                    release(run, "CANCELLED", "cancelled by its owner", trainer.stepsDone());
                    return;
                }
                if ("PAUSE".equals(request) || (run.pauseAtStep != null && trainer.stepsDone() >= run.pauseAtStep)) {
                    saveCheckpoint(runId, trainer, report);
                    if (report != null) {
                        records.progress(runId, trainer.stepsDone(), report.trainLoss(), trainer.bestValidationLoss());
                    }
                    release(run, "PAUSED", null, trainer.stepsDone());
                    return;
                }
                report = trainer.step();
                Double validation = Double.isNaN(report.validationLoss()) ? null : report.validationLoss();
                publisher.publish(TrainingProgressed.of(runId, run.owner, RunState.RUNNING, report.step(), settings.steps(),
                        report.trainLoss(), validation, (double) report.learningRate(), report.gradientNorm(),
                        Arrays.stream(report.layerGradientNorms()).boxed().toList(), report.tokensPerSecond()));
                if (validation != null || report.step() % 10 == 0) {
                    records.progress(runId, report.step(), report.trainLoss(), trainer.bestValidationLoss());
                }
                if (report.step() % settings.checkpointEvery() == 0) {
                    saveCheckpoint(runId, trainer, report);
                }
                if (settings.throttleMillis() > 0) {
                    Thread.sleep(settings.throttleMillis());
                }
            }
            saveCheckpoint(runId, trainer, report);
            records.progress(runId, trainer.stepsDone(), report == null ? Double.NaN : report.trainLoss(), trainer.bestValidationLoss());
            release(run, report != null && report.stoppedEarly() ? "STOPPED_EARLY" : "COMPLETED", null, trainer.stepsDone());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!halted) {
                giveBack(run);
            }
        } catch (IOException | RuntimeException e) {
            if (halted) {
                return;
            }
            LOG.error("training run " + runId + " failed", e);
            release(run, "FAILED", "the run failed; its last checkpoint is kept", run.step);
        }
    }

    private void saveCheckpoint(UUID runId, Trainer trainer, Trainer.StepReport report) throws IOException {
        if (trainer.stepsDone() == 0) {
            return;
        }
        String blob = store.write(runId, trainer.state());
        records.checkpoint(runId, trainer.stepsDone(), report == null ? null : report.trainLoss(),
                report == null || Double.isNaN(report.validationLoss()) ? null : report.validationLoss(), blob);
    }

    /** Lets the run go in a final or paused state and tells the followers. */
    private void release(TrainingRunEntity run, String state, String message, int step) {
        records.release(run.id, run.claim, state, message);
        publish(run.id, run.owner, state, step, run.steps);
    }

    /** Gives the run back to the queue with an ended lease, so the next tending of any replica hands it over. */
    private void giveBack(TrainingRunEntity run) {
        records.giveBack(run.id, run.claim, "its replica stopped; continuing from the last checkpoint");
    }

    private void publish(UUID runId, String owner, String state, int step, int steps) {
        publisher.publish(TrainingProgressed.of(runId, owner, RunState.valueOf(state), step, steps, null, null, null, null, null, null));
    }

    private static String json(RunSettings settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
