package org.nslab.simulation.graphql;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * A big block of numbers in one string: the IEEE-754 float32 values, little-endian, row-major, base64. The exact
 * float32 values of the model (nothing rounded), at ~5.3 characters a number instead of ~12 in a JSON list, and
 * one GraphQL leaf instead of one completed value per number (what made the microscope's answer slow: see
 * docs/decisions/0005).
 */
@Type("PackedTensor")
@Description("Numbers packed in one string: float32, little-endian, row-major (last index fastest), base64 (RFC 4648). "
        + "In a browser: new Float32Array(Uint8Array.from(atob(float32), (c) => c.charCodeAt(0)).buffer).")
public record PackedTensor(@NonNull @Description("The size of every dimension, outermost first") List<@NonNull Integer> shape,
                           @NonNull String float32) {

    /** Packs {@code rows} one after the other; their numbers must fill {@code shape} exactly. */
    public static PackedTensor of(List<Integer> shape, List<float[]> rows) {
        long count = rows.stream().mapToLong(r -> r.length).sum();
        long expected = shape.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
        if (count != expected) {
            throw new IllegalArgumentException(count + " numbers do not fill the shape " + shape);
        }
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(count * Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = bytes.asFloatBuffer();
        for (float[] row : rows) {
            floats.put(row);
        }
        return new PackedTensor(List.copyOf(shape), Base64.getEncoder().encodeToString(bytes.array()));
    }

    /** The numbers back, in order (for tests and other Java readers). */
    public float[] values() {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(float32)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(out);
        return out;
    }
}
