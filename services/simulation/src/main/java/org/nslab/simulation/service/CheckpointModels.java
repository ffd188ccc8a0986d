package org.nslab.simulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.repository.CheckpointEntity;
import org.nslab.simulation.repository.TrainingRunEntity;
import org.nslab.simulation.training.CheckpointStore;
import org.nslab.simulation.training.RunSettings;

/**
 * The models of learners' runs at their checkpoints, read from the blob folder the replicas share: the four most
 * recently used are kept loaded, one object per checkpoint blob, so inspections of the same checkpoint take turns on
 * one model (callers synchronize on it, as on the reference model).
 */
@ApplicationScoped
public class CheckpointModels {

    private static final Logger LOG = Logger.getLogger(CheckpointModels.class);
    private static final int CACHED = 4;

    private final RunRecords records;
    private final LabTokenizer lab;
    private final CheckpointStore store;
    private final Map<String, Gpt> loaded = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Gpt> eldest) {
            return size() > CACHED;
        }
    };

    public CheckpointModels(RunRecords records, LabTokenizer lab, ReferenceModelConfig reference) {
        this.records = records;
        this.lab = lab;
        this.store = CheckpointStore.under(reference.dataDir());
    }

    /** The model of a run at one of its checkpoints (the latest when {@code step} is null), kept for a few inspections. */
    public Optional<Gpt> model(UUID runId, Integer step) {
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
                RunSettings settings = RunSettings.fromJson(run.get().settings);
                Gpt model = Gpt.fromParameters(settings.model(lab.bpe().vocabularySize()), store.read(checkpoint.get().blob).parameters());
                loaded.put(checkpoint.get().blob, model);
                return Optional.of(model);
            } catch (IOException e) {
                LOG.error("checkpoint " + checkpoint.get().blob + " cannot be read", e);
                return Optional.empty();
            }
        }
    }

    /** The parameters of every checkpoint of a run, in step order (for its trajectory on a loss landscape). */
    public List<Map.Entry<Integer, float[]>> parameters(UUID runId) {
        List<Map.Entry<Integer, float[]>> all = new ArrayList<>();
        for (CheckpointEntity checkpoint : records.checkpoints(runId)) {
            try {
                all.add(Map.entry(checkpoint.step, store.read(checkpoint.blob).parameters()));
            } catch (IOException e) {
                LOG.warnf("checkpoint %s cannot be read: %s", checkpoint.blob, e.toString());
            }
        }
        return all;
    }
}
