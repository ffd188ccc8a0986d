package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nslab.simulation.corpus.BrownCorpus;
import org.nslab.simulation.corpus.Document;
import org.nslab.simulation.tokenizer.BytePairEncoding;

/** A small model learns real text: the validation loss on held-out Brown documents falls well below chance. */
class CorpusTrainingTest {

    @Test
    void trainingOnTheBrownCorpusLowersTheValidationLossAndStopsEarlyWhenItStalls() {
        List<Document> news = BrownCorpus.load().stream().filter(d -> d.category().equals("news")).toList();
        BytePairEncoding bpe = BytePairEncoding.train(String.join("\n", news.stream().map(Document::text).toList()), 384);
        TokenDataset data = TokenDataset.split(news, d -> bpe.encode(d.text()), 5);
        GptConfig config = new GptConfig(bpe.vocabularySize(), 32, 2, 2, 48, 4);
        TrainingConfig training = new TrainingConfig(8, 5e-3f, 5e-4f, 10, 120, 0.05f, 1.0f, 20, 4, 0, 7);
        Trainer trainer = new Trainer(Gpt.initialize(config, 7), training, data);

        double initial = trainer.evaluate();
        Trainer.StepReport last = null;
        while (!trainer.finished()) {
            last = trainer.step();
        }

        assertEquals(Math.log(config.vocabSize()), initial, 0.15);
        assertTrue(trainer.bestValidationLoss() < initial - 1.0,
                "validation loss " + initial + " -> " + trainer.bestValidationLoss());
        assertEquals(120, last.step());
        assertEquals(config.layers(), last.layerGradientNorms().length);
        assertTrue(last.tokensPerSecond() > 0);
    }

    @Test
    void aRunRestoredFromItsStateContinuesExactlyAsWithoutTheInterruption() {
        int[] tokens = GptTest.randomTokens(5_000, 64, 8);
        TokenDataset data = new TokenDataset(tokens, GptTest.randomTokens(2_000, 64, 9));
        GptConfig config = new GptConfig(64, 16, 1, 2, 16, 2);
        TrainingConfig training = new TrainingConfig(4, 1e-2f, 1e-3f, 2, 10, 0.1f, 1.0f, 5, 2, 0, 3);

        Trainer straight = new Trainer(Gpt.initialize(config, 3), training, data);
        for (int i = 0; i < 10; i++) {
            straight.step();
        }
        Trainer first = new Trainer(Gpt.initialize(config, 3), training, data);
        for (int i = 0; i < 6; i++) {
            first.step();
        }
        Trainer.State saved = first.state();
        Trainer resumed = Trainer.restore(Gpt.initialize(config, 99), training, data, saved);
        Trainer.StepReport last = null;
        while (!resumed.finished()) {
            last = resumed.step();
        }

        assertEquals(10, last.step());
        org.junit.jupiter.api.Assertions.assertArrayEquals(straight.state().parameters(), resumed.state().parameters());
        assertEquals(straight.bestValidationLoss(), resumed.bestValidationLoss());
    }

    @Test
    void earlyStoppingEndsARunWhoseValidationLossNoLongerImproves() {
        int[] tokens = GptTest.randomTokens(20_000, 64, 3);
        TokenDataset data = new TokenDataset(tokens, GptTest.randomTokens(5_000, 64, 4));
        GptConfig config = new GptConfig(64, 16, 1, 1, 16, 2);
        // Random tokens cannot be predicted: the validation loss stops improving, and patience 2 ends the run.
        TrainingConfig training = new TrainingConfig(4, 1e-2f, 1e-2f, 0, 5_000, 0f, 1.0f, 10, 2, 2, 1);
        Trainer trainer = new Trainer(Gpt.initialize(config, 1), training, data);

        Trainer.StepReport last = null;
        while (!trainer.finished()) {
            last = trainer.step();
        }

        assertTrue(last.stoppedEarly());
        assertTrue(last.step() < 5_000, "stopped at step " + last.step());
    }
}
