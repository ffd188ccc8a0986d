package org.nslab.simulation.graphql;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.events.TrainingProgressed;
import org.nslab.simulation.messaging.TrainingProgressPublisher;
import org.nslab.simulation.repository.TrainingRunEntity;
import org.nslab.simulation.service.TrainingRuns;
import org.nslab.simulation.training.RunSettings;

/**
 * Learners' training runs. The gateway calls it with its service account and passes the learner as
 * {@code owner} (tenant/actorId); every control checks that the run is the owner's.
 */
@GraphQLApi
@RolesAllowed("service")
public class TrainingGraphQlApi {

    private final TrainingRuns runs;
    private final TrainingProgressPublisher progress;

    public TrainingGraphQlApi(TrainingRuns runs, TrainingProgressPublisher progress) {
        this.runs = runs;
        this.progress = progress;
    }

    @Input("TrainingRunInput")
    public record TrainingRunInput(@DefaultValue("2") int layers, @DefaultValue("2") int heads, @DefaultValue("64") int width,
                                   @DefaultValue("64") int contextLength, @DefaultValue("8") int batch,
                                   @DefaultValue("0.003") double learningRate, @DefaultValue("10") int warmupSteps,
                                   @DefaultValue("200") int steps, @DefaultValue("0.1") double weightDecay,
                                   @DefaultValue("1") long seed, @DefaultValue("20") int evalEvery,
                                   @DefaultValue("0") int patience, @DefaultValue("50") int checkpointEvery,
                                   @DefaultValue("0") int throttleMillis) {
        RunSettings settings() {
            return new RunSettings(layers, heads, width, contextLength, batch, learningRate, warmupSteps, steps, weightDecay,
                    seed, evalEvery, patience, checkpointEvery, throttleMillis);
        }
    }

    @Type("CheckpointView")
    public record CheckpointView(int step, Double trainLoss, Double validationLoss, @NonNull Instant createdAt) {
    }

    @Type("TrainingRun")
    public record RunView(@NonNull String id, @NonNull String owner, @NonNull String state, int step, int steps,
                          @Description("Runs waiting before this one, counting it; 0 when not queued") long queuePosition,
                          Double lastTrainLoss, Double bestValidationLoss, String message,
                          @NonNull List<@NonNull CheckpointView> checkpoints) {
    }

    @Type("TrainingRunPayload")
    public record RunPayload(RunView run, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Mutation
    @Description("Starts a training run on the Brown corpus; a learner has at most one active run.")
    public @NonNull RunPayload startTrainingRun(@NonNull String owner, @NonNull TrainingRunInput input) {
        return payload(runs.start(owner, input.settings()));
    }

    @Mutation
    @Description("PAUSE, RESUME, CANCEL or STEP (a paused run by a number of steps) one of the owner's runs.")
    public @NonNull RunPayload controlTrainingRun(@NonNull String owner, @NonNull String runId, @NonNull TrainingRuns.Action action,
                                                  @DefaultValue("1") int steps) {
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException e) {
            return new RunPayload(null, List.of(UserError.of("runId must be a UUID", "runId")));
        }
        return payload(runs.control(owner, id, action, steps));
    }

    @Query
    public RunView trainingRun(@NonNull String id) {
        try {
            return runs.find(UUID.fromString(id)).map(this::view).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Query
    public @NonNull List<@NonNull RunView> trainingRuns(@NonNull String owner) {
        return runs.ofOwner(owner).stream().map(this::view).toList();
    }

    @Subscription
    @Description("Live progress of a run: every step's losses, learning rate, gradient norms and speed, and state changes.")
    public Multi<TrainingProgressed> trainingProgress(@NonNull String runId) {
        return progress.follow(UUID.fromString(runId));
    }

    private RunPayload payload(TrainingRuns.Outcome outcome) {
        if (!outcome.problems().isEmpty()) {
            return new RunPayload(null, outcome.problems().stream().map(p -> UserError.of(p.message(), "input", p.field())).toList());
        }
        return new RunPayload(view(outcome.run()), List.of());
    }

    private RunView view(TrainingRunEntity run) {
        return new RunView(run.id.toString(), run.owner, run.state, run.step, run.steps, runs.queuePosition(run.id),
                run.lastTrainLoss, run.bestValidationLoss, run.message,
                runs.checkpoints(run.id).stream().map(c -> new CheckpointView(c.step, c.trainLoss, c.validationLoss, c.createdAt)).toList());
    }
}
