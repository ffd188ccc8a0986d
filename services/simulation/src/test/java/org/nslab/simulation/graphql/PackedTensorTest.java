package org.nslab.simulation.graphql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedTensorTest {

    @Test
    void rowsArePackedInOrderAsLittleEndianFloat32AndReadBackExactly() {
        float[][] rows = {{1f, -2.5f, 0.1f}, {Float.MIN_VALUE, Float.MAX_VALUE, -0f}};
        PackedTensor packed = PackedTensor.of(List.of(2, 3), List.of(rows));
        assertEquals(List.of(2, 3), packed.shape());
        assertArrayEquals(new float[] {1f, -2.5f, 0.1f, Float.MIN_VALUE, Float.MAX_VALUE, -0f}, packed.values());
        byte[] bytes = Base64.getDecoder().decode(packed.float32());
        assertEquals(24, bytes.length);
        // 1.0f is 0x3F800000: little-endian puts 00 00 80 3F first
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F}, java.util.Arrays.copyOf(bytes, 4));
    }

    @Test
    void numbersThatDoNotFillTheShapeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackedTensor.of(List.of(2, 2, 2), List.of(new float[] {1, 2}, new float[] {3, 4})));
        assertEquals("4 numbers do not fill the shape [2, 2, 2]", e.getMessage());
    }

    @Test
    void anEmptyTensorIsAnEmptyString() {
        assertEquals("", PackedTensor.of(List.of(0, 4), List.of()).float32());
    }
}
