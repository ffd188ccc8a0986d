package org.nslab.simulation.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.nslab.simulation.corpus.BrownCorpus;
import org.nslab.simulation.corpus.Document;
import org.nslab.simulation.tokenizer.BytePairEncoding;
import org.nslab.simulation.tokenizer.TokenizerName;
import org.nslab.simulation.tokenizer.Tokenizers;

/**
 * Throughput of every tokenizer on 1 MB (10^6 bytes of UTF-8) of real text, the first Brown documents
 * in order: 3 warm-up rounds, then 5 timed rounds; prints the median and the range in MB/s.
 *
 * <pre>java -Xmx512m -cp target/classes:target/test-classes:$(cat cp.txt) org.nslab.simulation.bench.TokenizerThroughput</pre>
 */
public final class TokenizerThroughput {

    private TokenizerThroughput() {
    }

    public static void main(String[] args) {
        String text = megabyte();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        long t0 = System.nanoTime();
        BytePairEncoding lab = BytePairEncoding.train(String.join("\n", BrownCorpus.load().stream().map(Document::text).toList()), 1024);
        System.out.printf(Locale.ROOT, "lab BPE (1,024 tokens) trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Tokenizers tokenizers = new Tokenizers(() -> lab);
        for (TokenizerName name : TokenizerName.values()) {
            double[] mbPerSecond = new double[5];
            int tokens = 0;
            for (int round = -3; round < mbPerSecond.length; round++) {
                long start = System.nanoTime();
                tokens = tokenizers.tokenize(name, text).tokenCount();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round >= 0) {
                    mbPerSecond[round] = bytes / 1e6 / seconds;
                }
            }
            Arrays.sort(mbPerSecond);
            System.out.printf(Locale.ROOT, "%-12s %,9d tokens  %6.2f MB/s (range %.2f–%.2f)%n", name, tokens,
                    mbPerSecond[2], mbPerSecond[0], mbPerSecond[4]);
        }
    }

    /** The first 10^6 bytes of the Brown corpus's plain text, cut at a character boundary. */
    static String megabyte() {
        StringBuilder text = new StringBuilder();
        for (Document d : BrownCorpus.load()) {
            text.append(d.text()).append("\n\n");
            if (text.length() > 1_100_000) {
                break;
            }
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOf(utf8, 1_000_000), StandardCharsets.UTF_8).replace("\uFFFD", "");
    }
}
