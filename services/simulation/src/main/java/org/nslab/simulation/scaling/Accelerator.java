package org.nslab.simulation.scaling;

import java.util.List;

/**
 * A training chip and its dense peak throughput (no structured sparsity) in the number format used for training.
 *
 * @param name                name shown to learners
 * @param peakFlopsPerSecond  dense peak FLOP/s from the vendor datasheet
 * @param powerWatts          maximum board power from the datasheet, or 0 when no datasheet figure is used
 * @param source              where the figures come from
 */
public record Accelerator(String name, double peakFlopsPerSecond, double powerWatts, String source) {

    /** NVIDIA A100 SXM: 312 TFLOP/s dense BF16 tensor, 400 W. */
    public static Accelerator a100() {
        return new Accelerator("NVIDIA A100 SXM", 312e12, 400,
                "NVIDIA A100 Tensor Core GPU datasheet: BF16 Tensor Core 312 TFLOPS (624 with sparsity),"
                        + " max TDP 400 W (SXM)");
    }

    /** NVIDIA H100 SXM: 989 TFLOP/s dense BF16 tensor, 700 W. */
    public static Accelerator h100Sxm() {
        return new Accelerator("NVIDIA H100 SXM", 989e12, 700,
                "NVIDIA H100 Tensor Core GPU datasheet: BF16 Tensor Core 1,979 TFLOPS with sparsity, 989 dense;"
                        + " max TDP up to 700 W");
    }

    /** NVIDIA V100 SXM2: 125 TFLOP/s FP16 tensor (it has no BF16), 300 W. */
    public static Accelerator v100() {
        return new Accelerator("NVIDIA V100 SXM2", 125e12, 300,
                "NVIDIA V100 Tensor Core GPU datasheet: Tensor Performance (FP16) 125 TFLOPS, max power 300 W");
    }

    /** Google TPU v4: 275 TFLOP/s BF16 per chip; no power figure. */
    public static Accelerator tpuV4() {
        return new Accelerator("Google TPU v4", 275e12, 0,
                "Google Cloud TPU v4 documentation: 275 TFLOPS peak BF16 per chip; power not taken from a datasheet");
    }

    /** Every preset. */
    public static List<Accelerator> all() {
        return List.of(v100(), a100(), h100Sxm(), tpuV4());
    }
}
