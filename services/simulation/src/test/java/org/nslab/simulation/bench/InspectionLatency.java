package org.nslab.simulation.bench;

import java.util.Arrays;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.GptConfig;
import org.nslab.simulation.engine.Inspection;

/**
 * Latency of one inspection of a 64-token prompt on the reference model's shape (4 layers, 4 heads,
 * width 128, context 128, vocabulary 1024): forward pass, every head's attention of one layer,
 * residual norms, logit lens, next-token top 5 and top neurons, as the GraphQL query computes them.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes org.nslab.simulation.bench.InspectionLatency</pre>
 */
public final class InspectionLatency {

    private InspectionLatency() {
    }

    public static void main(String[] args) {
        GptConfig config = new GptConfig(1024, 128, 4, 4, 128, 4);
        Gpt model = Gpt.initialize(config, 1);
        int[] prompt = new int[64];
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = (i * 37) % 1024;
        }
        int runs = 500;
        double[] ms = new double[runs];
        for (int r = -100; r < runs; r++) {
            long start = System.nanoTime();
            Inspection inspection = new Inspection(model, prompt);
            for (int h = 0; h < config.heads(); h++) {
                inspection.attention(3, h);
            }
            inspection.residualNorms();
            inspection.logitLens(63, 5);
            inspection.next(63, new Inspection.Sampling(1.0, 0, 1.0));
            inspection.topNeurons(3, 63, 5);
            if (r >= 0) {
                ms[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf("inspection of 64 tokens: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d runs%n",
                ms[runs / 2], ms[(int) (runs * 0.99)], ms[runs - 1], runs);
    }
}
