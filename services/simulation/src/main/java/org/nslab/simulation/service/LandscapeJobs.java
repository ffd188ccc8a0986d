package org.nslab.simulation.service;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Name;
import org.jboss.logging.Logger;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.LossLandscape;
import org.nslab.simulation.engine.TokenDataset;

/**
 * Loss-landscape slices of the reference model as jobs: one runs at a time, each reports its progress,
 * and a finished slice is cached by its settings, so asking again answers at once.
 */
@ApplicationScoped
public class LandscapeJobs {

    @Name("LossLandscapeState")
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** {@code runId}: around that run's latest checkpoint, with its trajectory; null: around the reference model. */
    public record Settings(int size, double radius, long seed, UUID runId) {
    }

    /** Where a checkpoint of the run lies on the plane. */
    public record TrajectoryPoint(int step, double alpha, double beta) {
    }

    public record Job(String id, Settings settings, State state, int done, int total, LossLandscape.Surface surface,
                      List<TrajectoryPoint> trajectory) {
    }

    private static final Logger LOG = Logger.getLogger(LandscapeJobs.class);
    private static final int BATCH = 4;

    private final Models models;
    private final CheckpointModels checkpoints;
    private final LabTokenizer lab;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loss-landscape");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<Settings, String> bySettings = new ConcurrentHashMap<>();

    public LandscapeJobs(Models models, CheckpointModels checkpoints, LabTokenizer lab) {
        this.models = models;
        this.checkpoints = checkpoints;
        this.lab = lab;
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** The job for these settings: the cached or running one, or a new one in the queue. */
    public Job start(Settings settings) {
        String id = bySettings.computeIfAbsent(settings, s -> {
            String newId = UUID.randomUUID().toString();
            jobs.put(newId, new Job(newId, s, State.QUEUED, 0, s.size() * s.size(), null, List.of()));
            executor.submit(() -> run(newId, s));
            return newId;
        });
        return jobs.get(id);
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(String id, Settings settings) {
        int total = settings.size() * settings.size();
        try {
            Function<Gpt, Job> work = model -> {
                int time = model.config().contextLength();
                int[] inputs = new int[BATCH * time];
                int[] targets = new int[BATCH * time];
                TokenDataset.sample(validationTokens(), new java.util.SplittableRandom(settings.seed()), BATCH, time, inputs, targets);
                LossLandscape landscape = new LossLandscape(model, settings.seed());
                LossLandscape.Surface surface = landscape.evaluate(settings.size(), settings.radius(), inputs, targets, BATCH, time,
                        done -> jobs.put(id, new Job(id, settings, State.RUNNING, done, total, null, List.of())));
                List<TrajectoryPoint> trajectory = settings.runId() == null ? List.of()
                        : checkpoints.parameters(settings.runId()).stream().map(c -> {
                            double[] ab = landscape.project(c.getValue());
                            return new TrajectoryPoint(c.getKey(), ab[0], ab[1]);
                        }).toList();
                return new Job(id, settings, State.DONE, total, total, surface, trajectory);
            };
            Optional<Job> done = models.apply(settings.runId(), null, (key, model) -> work.apply(model)).value();
            if (done.isEmpty()) {
                fail(id, settings, total);
                return;
            }
            jobs.put(id, done.get());
        } catch (RuntimeException e) {
            LOG.error("loss landscape " + id + " failed", e);
            fail(id, settings, total);
        }
    }

    private void fail(String id, Settings settings, int total) {
        jobs.put(id, new Job(id, settings, State.FAILED, 0, total, null, List.of()));
        bySettings.remove(settings);
    }

    /** Held-out text: the validation documents of the reference model's split (every 10th). */
    private int[] validationTokens() {
        return lab.dataset().validation();
    }
}
