package org.nslab.simulation.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.nslab.simulation.engine.Ops;

/**
 * The linear layer's three matrix products (forward, input gradient, weight gradient) on the shapes of
 * the benchmark model (2048 rows; 128 → 384, 128 → 512, 512 → 128, 128 → 1024), in GFLOP per second of
 * wall time and per second of the process's CPU time (steadier on a shared machine).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes org.nslab.simulation.bench.MatMulThroughput [seconds]</pre>
 */
public final class MatMulThroughput {

    private MatMulThroughput() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int rows = 2048;
        int[][] shapes = {{128, 384}, {128, 512}, {512, 128}, {128, 1024}};
        SplittableRandom random = new SplittableRandom(3);
        for (int pass = 0; pass < 2; pass++) {
            for (int[] shape : shapes) {
                int in = shape[0];
                int out = shape[1];
                float[] inp = random(random, rows * in);
                float[] params = random(random, out * in + out);
                float[] dout = random(random, rows * out);
                float[] result = new float[rows * out];
                float[] dinp = new float[rows * in];
                float[] grads = new float[params.length];
                String[] names = {"forward", "input gradient", "weight gradient"};
                for (int op = 0; op < 3; op++) {
                    long flops = 2L * rows * in * out;
                    long count = 0;
                    long cpu0 = os.getProcessCpuTime();
                    long wall0 = System.nanoTime();
                    while (System.nanoTime() - wall0 < seconds * 1e9 / 4 * (pass + 1) / 2) {
                        switch (op) {
                            case 0 -> Ops.matmulForward(result, 0, inp, 0, params, 0, out * in, rows, in, out);
                            case 1 -> Ops.matmulBackward(dinp, 0, grads, 0, out * in, dout, 0, inp, 0, params, 0, rows, in, out);
                            default -> Ops.matmulBackward(null, 0, grads, 0, out * in, dout, 0, inp, 0, params, 0, rows, in, out);
                        }
                        count++;
                    }
                    double wall = (System.nanoTime() - wall0) / 1e9;
                    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                    if (op == 1) {
                        flops *= 2; // matmulBackward with an input gradient does both products
                    }
                    if (pass == 1) {
                        System.out.printf("%4d -> %4d %-16s %6.1f GFLOP/s wall, %6.1f GFLOP per CPU-second%n",
                                in, out, names[op], flops * count / wall / 1e9, flops * count / cpu / 1e9);
                    }
                }
            }
        }
    }

    private static float[] random(SplittableRandom random, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextDouble() - 0.5);
        }
        return x;
    }
}
