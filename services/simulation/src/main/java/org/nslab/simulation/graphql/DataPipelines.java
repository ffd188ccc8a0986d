package org.nslab.simulation.graphql;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.nslab.simulation.corpus.CorpusSources;
import org.nslab.simulation.data.DataPipeline;
import org.nslab.simulation.service.ReferenceModel;

/**
 * The one data pipeline of the service. Measuring every document of the three sources takes seconds
 * (tens of seconds on a busy 2-core machine), so it starts in the background when the service starts
 * (after the reference model's first training), unless {@code nslab.simulation.data.warm-up} is false;
 * a query that comes earlier waits for it.
 */
@ApplicationScoped
public class DataPipelines {

    private static final Logger LOG = Logger.getLogger(DataPipelines.class);
    private final boolean warmUp;
    private final ReferenceModel reference;
    private volatile DataPipeline pipeline;

    public DataPipelines(@ConfigProperty(name = "nslab.simulation.data.warm-up", defaultValue = "true") boolean warmUp,
                         ReferenceModel reference) {
        this.warmUp = warmUp;
        this.reference = reference;
    }

    void onStart(@Observes StartupEvent event) {
        if (warmUp) {
            Thread thread = new Thread(this::warmUp, "data-pipeline-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /**
     * Waits while the reference model trains at a first start (its activations and the measuring do not
     * both fit in the service's 256 MB heap), then measures.
     */
    private void warmUp() {
        try {
            while (reference.status().state() == ReferenceModel.State.TRAINING && pipeline == null) {
                Thread.sleep(2_000);
            }
            get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("data pipeline warm-up failed; the first query measures again", e);
        }
    }

    /** The pipeline, measured on first use. */
    public DataPipeline get() {
        DataPipeline current = pipeline;
        if (current == null) {
            synchronized (this) {
                if (pipeline == null) {
                    long start = System.nanoTime();
                    pipeline = new DataPipeline(CorpusSources.all());
                    LOG.infof("data pipeline: %d documents measured in %.1f s", pipeline.size(), (System.nanoTime() - start) / 1e9);
                }
                current = pipeline;
            }
        }
        return current;
    }
}
