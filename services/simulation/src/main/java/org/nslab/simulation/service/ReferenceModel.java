package org.nslab.simulation.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.graphql.Name;
import org.jboss.logging.Logger;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.GptConfig;
import org.nslab.simulation.engine.TokenDataset;
import org.nslab.simulation.engine.Trainer;
import org.nslab.simulation.engine.TrainingConfig;

/**
 * The reference model: trained by the engine itself with a fixed seed on the Brown corpus, in the
 * background at the first start (its status is visible while it trains), then kept on disk and
 * loaded at later starts. One model is shared; inspections take turns on it.
 */
@ApplicationScoped
public class ReferenceModel {

    @Name("ReferenceModelState")
    public enum State { TRAINING, READY, FAILED }

    /** What a learner sees while waiting: the state, progress and the latest validation loss. */
    @Name("ReferenceModelStatus")
    public record Status(State state, int step, int steps, Double validationLoss, String message) {
    }

    private static final Logger LOG = Logger.getLogger(ReferenceModel.class);

    private final ReferenceModelConfig settings;
    private final LabTokenizer tokenizer;
    private volatile Status status;
    private volatile Gpt model;
    private Thread worker;

    public ReferenceModel(ReferenceModelConfig settings, LabTokenizer tokenizer) {
        this.settings = settings;
        this.tokenizer = tokenizer;
        this.status = new Status(State.TRAINING, 0, settings.steps(), null, "starting");
    }

    void start(@Observes StartupEvent event) {
        worker = new Thread(this::prepare, "reference-model");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.interrupt();
        }
    }

    private GptConfig config() {
        return new GptConfig(tokenizer.bpe().vocabularySize(), settings.contextLength(), settings.layers(), settings.heads(),
                settings.width(), 4);
    }

    public Status status() {
        return status;
    }

    /** The model once it is ready; callers take turns on it (synchronize on it while they use it). */
    public java.util.Optional<Gpt> model() {
        return java.util.Optional.ofNullable(model);
    }

    private void prepare() {
        try {
            GptConfig config = config();
            Path file = settings.dataDir().resolve("reference-v1-L%dH%dC%dT%dV%d-s%d-b%d-seed%d.bin".formatted(
                    config.layers(), config.heads(), config.width(), config.contextLength(), config.vocabSize(),
                    settings.steps(), settings.batch(), settings.seed()));
            if (Files.isRegularFile(file)) {
                model = Gpt.fromParameters(config, read(file));
                status = new Status(State.READY, settings.steps(), settings.steps(), null, "loaded from " + file.getFileName());
                LOG.infof("reference model loaded from %s", file);
                return;
            }
            TokenDataset data = tokenizer.dataset();
            TrainingConfig training = new TrainingConfig(settings.batch(), 3e-3f, 3e-4f, Math.min(30, settings.steps() / 10),
                    settings.steps(), 0.1f, 1.0f, Math.max(1, settings.steps() / 10), 4, 0, settings.seed());
            Gpt candidate = Gpt.initialize(config, settings.seed());
            Trainer trainer = new Trainer(candidate, training, data);
            Double validation = null;
            while (!trainer.finished()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                Trainer.StepReport report = trainer.step();
                if (!Double.isNaN(report.validationLoss())) {
                    validation = report.validationLoss();
                }
                status = new Status(State.TRAINING, report.step(), settings.steps(), validation, "training");
            }
            Gpt trained = Gpt.fromParameters(config, trainer.bestParameters());
            write(file, trained.parameters());
            model = trained;
            status = new Status(State.READY, settings.steps(), settings.steps(), trainer.bestValidationLoss(), "trained");
            LOG.infof("reference model trained: validation loss %.3f, saved to %s", trainer.bestValidationLoss(), file);
        } catch (RuntimeException | IOException e) {
            LOG.error("the reference model could not be prepared", e);
            status = new Status(State.FAILED, status.step(), settings.steps(), status.validationLoss(),
                    "the reference model could not be prepared; see the service log");
        }
    }

    private static float[] read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            float[] params = new float[n];
            for (int i = 0; i < n; i++) {
                params[i] = in.readFloat();
            }
            return params;
        }
    }

    private static void write(Path file, float[] params) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(params.length);
            for (float p : params) {
                out.writeFloat(p);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
