package org.nslab.simulation.bench;

import java.util.List;
import org.nslab.simulation.corpus.BrownCorpus;
import org.nslab.simulation.corpus.Document;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.GptConfig;
import org.nslab.simulation.engine.TokenDataset;
import org.nslab.simulation.engine.Trainer;
import org.nslab.simulation.engine.TrainingConfig;
import org.nslab.simulation.tokenizer.BytePairEncoding;

/**
 * Trains the default small config on the Brown corpus and prints the validation loss as it falls
 * (the numbers in the service README).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes org.nslab.simulation.bench.CorpusTraining [steps]</pre>
 */
public final class CorpusTraining {

    private CorpusTraining() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long t0 = System.nanoTime();
        List<Document> documents = BrownCorpus.load();
        StringBuilder all = new StringBuilder();
        documents.forEach(d -> all.append(d.text()).append('\n'));
        BytePairEncoding bpe = BytePairEncoding.train(all.toString(), 1024);
        System.out.printf("BPE: %d merges learned on %,d characters in %.1f s%n", bpe.merges().size(), all.length(),
                (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        TokenDataset data = TokenDataset.split(documents, d -> bpe.encode(d.text() + "\n"), 10);
        System.out.printf("tokens: %,d train, %,d validation (%.1f s)%n", data.train().length, data.validation().length,
                (System.nanoTime() - t1) / 1e9);
        GptConfig config = new GptConfig(1024, 128, 4, 4, 128, 4);
        TrainingConfig training = new TrainingConfig(16, 3e-3f, 3e-4f, 30, steps, 0.1f, 1.0f, 50, 8, 0, 1);
        Trainer trainer = new Trainer(Gpt.initialize(config, 1), training, data);
        System.out.printf("step 0: validation loss %.3f (ln %d = %.3f)%n", trainer.evaluate(), config.vocabSize(), Math.log(config.vocabSize()));
        long start = System.nanoTime();
        while (!trainer.finished()) {
            Trainer.StepReport report = trainer.step();
            if (!Double.isNaN(report.validationLoss())) {
                System.out.printf("step %d: train %.3f, validation %.3f, lr %.2e, grad norm %.2f, %.0f tokens/s, %.0f s%n",
                        report.step(), report.trainLoss(), report.validationLoss(), report.learningRate(),
                        report.gradientNorm(), report.tokensPerSecond(), (System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf("best validation loss %.3f after %.0f s of training%n", trainer.bestValidationLoss(),
                (System.nanoTime() - start) / 1e9);
    }
}
