package org.nslab.simulation.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.nslab.simulation.corpus.BrownCorpus;
import org.nslab.simulation.corpus.Document;
import org.nslab.simulation.tokenizer.BytePairEncoding;
import org.nslab.simulation.tokenizer.TokenizerName;
import org.nslab.simulation.tokenizer.Tokenizers;

/**
 * Throughput of every tokenizer on 1 MB (10^6 bytes of UTF-8) of real text, the first Brown documents
 * in order: 3 warm-up rounds, then 5 timed rounds; prints the median and the range in MB/s, for the
 * ids alone ("encode") and for what the playground answers: every token with its text and byte span.
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
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        for (TokenizerName name : TokenizerName.values()) {
            ToIntFunction<String> encode = name == TokenizerName.LAB_BPE ? t -> lab.encode(t).length
                    : t -> registry.getEncoding(JTOKKIT.get(name)).encodeOrdinary(t).size();
            measure(name + " encode", text, bytes, encode);
            measure(name + " playground", text, bytes, t -> tokenizers.tokenize(name, t).tokenCount());
        }
    }

    private static final Map<TokenizerName, EncodingType> JTOKKIT = Map.of(TokenizerName.GPT2, EncodingType.R50K_BASE,
            TokenizerName.P50K_BASE, EncodingType.P50K_BASE, TokenizerName.CL100K_BASE, EncodingType.CL100K_BASE,
            TokenizerName.O200K_BASE, EncodingType.O200K_BASE);

    /** 3 warm-up rounds, 5 timed ones: median and range in MB/s. */
    private static void measure(String label, String text, int bytes, ToIntFunction<String> tokenize) {
        double[] mbPerSecond = new double[5];
        int tokens = 0;
        for (int round = -3; round < mbPerSecond.length; round++) {
            long start = System.nanoTime();
            tokens = tokenize.applyAsInt(text);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (round >= 0) {
                mbPerSecond[round] = bytes / 1e6 / seconds;
            }
        }
        Arrays.sort(mbPerSecond);
        System.out.printf(Locale.ROOT, "%-24s %,9d tokens  %6.2f MB/s (range %.2f–%.2f)%n", label, tokens,
                mbPerSecond[2], mbPerSecond[0], mbPerSecond[4]);
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
