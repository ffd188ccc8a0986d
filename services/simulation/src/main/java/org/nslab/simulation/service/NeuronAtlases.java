package org.nslab.simulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.NeuronAtlas;

/**
 * The neuron atlases of the models learners inspect, computed on first request over held-out Brown
 * corpus text and cached (the reference model and the few most recently asked checkpoints).
 */
@ApplicationScoped
public class NeuronAtlases {

    /** Windows read from the held-out text, their length, and occurrences kept per neuron. */
    static final int WINDOWS = 256;
    static final int TIME = 64;
    public static final int KEEP = 8;
    private static final int CACHED = 4;

    private final LabTokenizer tokenizer;
    private final Map<String, NeuronAtlas> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NeuronAtlas> eldest) {
            return size() > CACHED;
        }
    };

    public NeuronAtlases(LabTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The atlas of the model known as {@code key} (e.g. "reference" or "run/step"). */
    public NeuronAtlas of(String key, Gpt model) {
        synchronized (cache) {
            NeuronAtlas cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        int[] corpus = tokenizer.dataset().validation();
        NeuronAtlas atlas = NeuronAtlas.compute(model, corpus, WINDOWS, Math.min(TIME, model.config().contextLength()), KEEP);
        synchronized (cache) {
            cache.put(key, atlas);
        }
        return atlas;
    }
}
