package org.nslab.simulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.validation.Problem;

/**
 * The model a caller names: the reference model (no run), or run R's checkpoint S (the latest when S is absent). One
 * place for what every inspection, generation, atlas and landscape does first: read the run id, find the checkpoint,
 * and take turns on the model. It checks no ownership: today any caller with the service role may read any run's
 * checkpoints by id (unchanged by this helper; the API decides who may ask).
 */
@ApplicationScoped
public class Models {

    /** The key of the reference model in caches of per-model results (e.g. neuron atlases). */
    public static final String REFERENCE = "reference";

    /**
     * What a caller named: the run (null for the reference model or an unreadable id), a key naming these weights
     * for caches, the model (null while the reference model is not ready, or when there is a problem), or the
     * problem with what was named, for the field {@code runId} or {@code checkpointStep}.
     */
    public record Selection(UUID runId, String key, Gpt model, Problem problem) {
    }

    /** The answer of work on a model: empty while the reference model is not ready; or the problem with the choice. */
    public record Answer<T>(Optional<T> value, Problem problem) {
    }

    private final ReferenceModel reference;
    private final CheckpointModels checkpoints;

    public Models(ReferenceModel reference, CheckpointModels checkpoints) {
        this.reference = reference;
        this.checkpoints = checkpoints;
    }

    /** The model named by {@code runId} (a UUID as text, or null for the reference model) and {@code step}. */
    public Selection select(String runId, Integer step) {
        if (runId == null) {
            return new Selection(null, REFERENCE, reference.model().orElse(null), null);
        }
        UUID id;
        try {
            id = UUID.fromString(runId);
        } catch (IllegalArgumentException e) {
            return new Selection(null, null, null, new Problem("runId", "runId must be a UUID"));
        }
        return select(id, runId, step);
    }

    /** The model of a run (null: the reference model) at {@code step} (null: its latest checkpoint). */
    public Selection select(UUID runId, Integer step) {
        return runId == null ? select((String) null, step) : select(runId, runId.toString(), step);
    }

    private Selection select(UUID id, String named, Integer step) {
        Optional<Gpt> model = checkpoints.model(id, step);
        if (model.isEmpty()) {
            return new Selection(id, null, null, step == null
                    ? new Problem("runId", "run " + named + " has no checkpoint yet")
                    : new Problem("checkpointStep", "run " + named + " has no checkpoint at step " + step));
        }
        // a loaded checkpoint is one object per blob, so its identity names its weights
        return new Selection(id, "run/" + id + "/" + System.identityHashCode(model.get()), model.get(), null);
    }

    /** Runs {@code work(key, model)} on the named model, one caller at a time on that model. */
    public <T> Answer<T> apply(String runId, Integer step, BiFunction<String, Gpt, T> work) {
        return apply(select(runId, step), work);
    }

    /** Runs {@code work(key, model)} on the named model, one caller at a time on that model. */
    public <T> Answer<T> apply(UUID runId, Integer step, BiFunction<String, Gpt, T> work) {
        return apply(select(runId, step), work);
    }

    private static <T> Answer<T> apply(Selection selection, BiFunction<String, Gpt, T> work) {
        if (selection.problem() != null) {
            return new Answer<>(Optional.empty(), selection.problem());
        }
        if (selection.model() == null) {
            return new Answer<>(Optional.empty(), null);
        }
        synchronized (selection.model()) {
            return new Answer<>(Optional.of(work.apply(selection.key(), selection.model())), null);
        }
    }
}
