package org.nslab.simulation.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytePairEncodingTest {

    private static final String TEXT = """
            The cat sat on the mat. The dog sat on the log. The cat saw the dog, and the dog saw the cat.
            A cat is not a dog; the mat is not a log. Then the cat and the dog sat together on the mat.
            """.repeat(3);

    @Test
    void eachMergeTakesTheMostFrequentPairAndTiesGoToTheSmallerPair() {
        // chunks "aaab", " aab", " ab": pairs aa ×3, ab ×3, " a" ×2 -> the tie aa/ab goes to aa (97,97)
        BytePairEncoding bpe = BytePairEncoding.train("aaab aab ab", 260);

        assertEquals("aa", bpe.text(bpe.merges().get(0).id()));
        assertEquals(256, bpe.merges().get(0).id());
        // then the chunks are [aa,a,b], [" ",aa,b], [" ",a,b]: (a,b) occurs twice, every other pair once
        assertEquals("ab", bpe.text(bpe.merges().get(1).id()));
    }

    @Test
    void encodingThenDecodingGivesTheSameTextForAnyUnicode() {
        BytePairEncoding bpe = BytePairEncoding.train(TEXT, 320);
        String text = "The cat sat on the mat — naïve café, 東京, 🐈 and tabs\tand\nnew lines  ";

        assertEquals(text, bpe.decode(bpe.encode(text)));
    }

    @Test
    void frequentWordsBecomeSingleTokensAndMergesNeverCrossWords() {
        BytePairEncoding bpe = BytePairEncoding.train(TEXT, 330);

        int[] tokens = bpe.encode("The cat sat on the mat");
        assertTrue(tokens.length <= 6, Arrays.toString(tokens));
        for (int id = 256; id < bpe.vocabularySize(); id++) {
            String token = bpe.text(id);
            assertTrue(token.indexOf(' ', 1) < 0, "token crosses a word boundary: '" + token + "'");
        }
    }

    @Test
    void theVocabularyHasTheRequestedSizeAndTrainingIsDeterministic() {
        BytePairEncoding a = BytePairEncoding.train(TEXT, 280);
        BytePairEncoding b = BytePairEncoding.train(TEXT, 280);

        assertEquals(280, a.vocabularySize());
        assertEquals(a.merges(), b.merges());
    }

    @Test
    void trainingStopsEarlyWhenNoPairOccursTwice() {
        BytePairEncoding bpe = BytePairEncoding.train("abcd", 1000);

        assertEquals(256, bpe.vocabularySize());
    }

    @Test
    void theReplayEndsWithTheEncodingAndEachStepUsesALaterMerge() {
        BytePairEncoding bpe = BytePairEncoding.train(TEXT, 330);
        String text = "The cat sat on the mat";

        List<BytePairEncoding.ReplayStep> steps = bpe.replay(text);

        assertTrue(steps.size() >= 5, "steps: " + steps.size());
        int[] last = steps.get(steps.size() - 1).tokens().stream().mapToInt(Integer::intValue).toArray();
        assertArrayEquals(bpe.encode(text), last);
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i).merge().id() > steps.get(i - 1).merge().id());
            assertTrue(steps.get(i).tokens().size() < steps.get(i - 1).tokens().size());
        }
    }

    @Test
    void savedMergesGiveTheSameTokenizer() {
        BytePairEncoding bpe = BytePairEncoding.train(TEXT, 310);
        BytePairEncoding loaded = BytePairEncoding.fromMerges(bpe.merges());

        assertArrayEquals(bpe.encode(TEXT), loaded.encode(TEXT));
        assertThrows(IllegalArgumentException.class,
                () -> BytePairEncoding.fromMerges(List.of(new BytePairEncoding.Merge(1, 2, 300))));
    }

    @Test
    void aVocabularySizeOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BytePairEncoding.train(TEXT, 100));
        assertThrows(IllegalArgumentException.class, () -> BytePairEncoding.train(TEXT, 70_000));
    }
}
