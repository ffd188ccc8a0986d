package org.nslab.simulation.service;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nslab.events.TrainingProgressed;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.Trainer;
import org.nslab.simulation.messaging.TrainingProgressPublisher;
import org.nslab.simulation.repository.CheckpointEntity;
import org.nslab.simulation.repository.TrainingRunEntity;
import org.nslab.simulation.training.CheckpointStore;
import org.nslab.simulation.training.RunSettings;

/**
 * Learners' training runs as jobs. At most as many run at once as the server has cores (the rest
 * wait in order, and know their place); a learner has at most one active run. Pausing, stepping and
 * the end of a run write a checkpoint (weights and optimizer state in the blob folder, metadata in
 * PostgreSQL), and a paused run frees its worker. After a restart, runs that were running or queued
 * continue from their last checkpoint, exactly as they would have.
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

    /** What the API asks a running run to do at its next step. */
    private static final class Control {
        volatile boolean cancel;
        volatile boolean pause;
    }

    private final RunRecords records;
    private final LabTokenizer lab;
    private final TrainingProgressPublisher publisher;
    private final CheckpointStore store;
    private final ExecutorService workers;
    private final Map<UUID, Control> controls = new ConcurrentHashMap<>();
    /** Checkpoint models loaded for inspection, the four most recently used. */
    private final Map<String, Gpt> loaded = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Gpt> eldest) {
            return size() > 4;
        }
    };

    public TrainingRuns(RunRecords records, LabTokenizer lab, TrainingProgressPublisher publisher,
                        @ConfigProperty(name = "nslab.simulation.runs.workers", defaultValue = "0") int workers,
                        ReferenceModelConfig reference) {
        this.records = records;
        this.lab = lab;
        this.publisher = publisher;
        this.store = new CheckpointStore(reference.dataDir().resolve("checkpoints"));
        int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "training-run");
            t.setDaemon(true);
            return t;
        });
    }

    void recover(@Observes StartupEvent event) {
        for (TrainingRunEntity run : records.toRecover()) {
            LOG.infof("continuing training run %s after a restart", run.id);
            submit(run.id, Integer.MAX_VALUE);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Outcome start(String owner, RunSettings settings) {
        List<Problem> problems = settings.problems(lab.bpe().vocabularySize());
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        if (records.activeRuns(owner) > 0) {
            return Outcome.problem("owner", "this learner already has an active run; finish, pause-and-cancel or wait for it first");
        }
        TrainingRunEntity run = records.create(owner, json(settings), settings.steps());
        publish(run.id, owner, "QUEUED", 0, settings.steps());
        submit(run.id, Integer.MAX_VALUE);
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
        Control control = controls.computeIfAbsent(runId, id -> new Control());
        switch (action) {
            case CANCEL -> {
                if (!TrainingRunEntity.ACTIVE.contains(run.state)) {
                    return Outcome.problem("action", "the run has already ended (" + run.state + ")");
                }
                control.cancel = true;
                if (!"RUNNING".equals(run.state)) {
                    records.state(runId, "CANCELLED", "cancelled by its owner");
                    publish(runId, owner, "CANCELLED", run.step, run.steps);
                }
            }
            case PAUSE -> {
                if (!"RUNNING".equals(run.state) && !"QUEUED".equals(run.state)) {
                    return Outcome.problem("action", "only a running or queued run can be paused (it is " + run.state + ")");
                }
                control.pause = true;
            }
            case RESUME, STEP -> {
                if (!"PAUSED".equals(run.state)) {
                    return Outcome.problem("action", "only a paused run can be resumed or stepped (it is " + run.state + ")");
                }
                if (action == Action.STEP && (steps < 1 || steps > 1000)) {
                    return Outcome.problem("steps", "steps must be between 1 and 1000");
                }
                control.pause = false;
                records.state(runId, "QUEUED", null);
                submit(runId, action == Action.STEP ? steps : Integer.MAX_VALUE);
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

    private void submit(UUID runId, int stepBudget) {
        workers.execute(() -> execute(runId, stepBudget));
    }

    private void execute(UUID runId, int stepBudget) {
        TrainingRunEntity run = records.find(runId).orElse(null);
        if (run == null || !"QUEUED".equals(run.state)) {
            return;
        }
        Control control = controls.computeIfAbsent(runId, id -> new Control());
        if (control.cancel) {
            finish(run, "CANCELLED", "cancelled by its owner", run.step);
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
            records.state(runId, "RUNNING", null);
            publish(runId, run.owner, "RUNNING", trainer.stepsDone(), settings.steps());
            int budget = stepBudget;
            Trainer.StepReport report = null;
            while (!trainer.finished()) {
                if (control.cancel || Thread.currentThread().isInterrupted()) {
                    if (control.cancel) {
                        finish(run, "CANCELLED", "cancelled by its owner", trainer.stepsDone());
                    } else {
                        // shutting down: leave it to continue after the restart from its last checkpoint
                        records.state(runId, "QUEUED", "interrupted by a restart");
                    }
                    return;
                }
                if (control.pause || budget == 0) {
                    control.pause = false;
                    saveCheckpoint(runId, trainer, report);
                    if (report != null) {
                        records.progress(runId, trainer.stepsDone(), report.trainLoss(), trainer.bestValidationLoss());
                    }
                    records.state(runId, "PAUSED", null);
                    publish(runId, run.owner, "PAUSED", trainer.stepsDone(), settings.steps());
                    return;
                }
                report = trainer.step();
                budget--;
                Double validation = Double.isNaN(report.validationLoss()) ? null : report.validationLoss();
                publisher.publish(TrainingProgressed.of(runId, run.owner, "RUNNING", report.step(), settings.steps(),
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
            finish(run, report != null && report.stoppedEarly() ? "STOPPED_EARLY" : "COMPLETED", null, trainer.stepsDone());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            records.state(runId, "QUEUED", "interrupted by a restart");
        } catch (IOException | RuntimeException e) {
            LOG.error("training run " + runId + " failed", e);
            finish(run, "FAILED", "the run failed; its last checkpoint is kept", run.step);
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

    private void finish(TrainingRunEntity run, String state, String message, int step) {
        records.state(run.id, state, message);
        controls.remove(run.id);
        publish(run.id, run.owner, state, step, run.steps);
    }

    private void publish(UUID runId, String owner, String state, int step, int steps) {
        publisher.publish(TrainingProgressed.of(runId, owner, state, step, steps, null, null, null, null, null, null));
    }

    private static String json(RunSettings settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
