package org.nslab.simulation.bench;

import java.util.Arrays;
import org.nslab.simulation.engine.AdamW;
import org.nslab.simulation.engine.Gpt;
import org.nslab.simulation.engine.GptConfig;
import org.nslab.simulation.engine.GradientClipping;

/**
 * Training throughput of the engine on a fixed config (default: 4 layers, 4 heads, width 128,
 * context 128, vocabulary 1024, batch 16), in tokens/s and GFLOP/s, with FLOPs per token counted as
 * 6·N + 12·layers·context·width (the same count as the PyTorch reference, bench/reference_gpt.py).
 *
 * <pre>java -cp target/classes:target/test-classes org.nslab.simulation.bench.TrainingThroughput [layers heads width context vocab batch steps]</pre>
 */
public final class TrainingThroughput {

    private TrainingThroughput() {
    }

    public static void main(String[] args) {
        int[] a = args.length == 7 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {4, 4, 128, 128, 1024, 16, 20};
        GptConfig config = new GptConfig(a[4], a[3], a[0], a[1], a[2], 4);
        int batch = a[5];
        int steps = a[6];
        Gpt model = Gpt.initialize(config, 1);
        AdamW optimizer = AdamW.standard(model.layout(), 0.1f);
        int time = config.contextLength();
        int[] tokens = new int[batch * time + 1];
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = random.nextInt(config.vocabSize());
        }
        double flopsPerToken = 6.0 * model.parameterCount() + 12.0 * config.layers() * time * config.width();
        double[] rates = new double[steps];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = 0;
        long wallStart = 0;
        for (int step = -5; step < steps; step++) {
            if (step == 0) {
                cpuStart = os.getProcessCpuTime();
                wallStart = System.nanoTime();
            }
            long start = System.nanoTime();
            model.zeroGradients();
            model.forward(tokens, 0, tokens, 1, batch, time);
            model.backward();
            GradientClipping.clip(model.gradients(), 1.0);
            optimizer.step(model.parameters(), model.gradients(), 1e-4f);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (step >= 0) {
                rates[step] = batch * time / seconds;
            }
        }
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        Arrays.sort(rates);
        double median = rates[steps / 2];
        System.out.printf("java engine: %d parameters, %s, batch %d, cores %d%n", model.parameterCount(), config, batch,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("tokens/s median %.0f (min %.0f, max %.0f) over %d steps; %.1f GFLOP/s%n",
                median, rates[0], rates[steps - 1], steps, median * flopsPerToken / 1e9);
        // CPU time of the process: less sensitive to other programs on a shared machine than wall time
        System.out.printf("tokens per CPU-second %.0f (%.2f cores busy on average)%n",
                (double) batch * time * steps / cpuSeconds, cpuSeconds / wallSeconds);
        long forwardStart = System.nanoTime();
        int forwards = 50;
        for (int i = 0; i < forwards; i++) {
            model.forward(tokens, 0, null, 0, 1, 64);
        }
        System.out.printf("forward 1x64 tokens: %.2f ms%n", (System.nanoTime() - forwardStart) / 1e6 / forwards);
    }
}
