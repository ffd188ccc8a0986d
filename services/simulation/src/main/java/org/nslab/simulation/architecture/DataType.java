package org.nslab.simulation.architecture;

/** Number formats for weights and the KV cache at inference, with their size in bytes. */
public enum DataType {

    FP32(4),
    FP16(2),
    BF16(2),
    FP8(1),
    INT8(1),
    /** 4-bit quantization, half a byte per value (scales and zero points not counted). */
    INT4(0.5);

    private final double bytes;

    DataType(double bytes) {
        this.bytes = bytes;
    }

    /** Bytes per value. */
    public double bytes() {
        return bytes;
    }
}
