package org.nslab.simulation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The engine's own exp and tanh: accurate, and the same bits lane by lane and one number at a time. */
class VectorsTest {

    @Test
    void expAndTanhAreAccurateAndTheVectorAndScalarFormsAgreeBitForBit() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        float[] x = new float[lanes];
        for (float start = -90f; start < 90f; start += 0.37f * lanes) {
            for (int i = 0; i < lanes; i++) {
                x[i] = start + 0.37f * i;
            }
            float[] e = Vectors.exp(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0)).toArray();
            float[] t = Vectors.tanh(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0)).toArray();
            for (int i = 0; i < lanes; i++) {
                assertEquals(Float.floatToIntBits(Vectors.exp(x[i])), Float.floatToIntBits(e[i]), "exp(" + x[i] + ")");
                assertEquals(Float.floatToIntBits(Vectors.tanh(x[i])), Float.floatToIntBits(t[i]), "tanh(" + x[i] + ")");
                if (x[i] > -87f && x[i] < 88f) {
                    assertEquals(Math.exp(x[i]), e[i], 3e-7 * Math.exp(x[i]), "exp(" + x[i] + ")");
                }
                assertEquals(Math.tanh(x[i]), t[i], 2e-7, "tanh(" + x[i] + ")");
            }
        }
        assertEquals(0.0, Vectors.tanh(0f), 0.0);
        assertEquals(1.0, Vectors.exp(0f), 0.0);
    }

    @Test
    void softmaxRowsSumToOneAndKeepTheOrder() {
        float[] logits = new float[37];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Math.sin(i) * 20;
        }
        float[] p = new float[logits.length];
        Vectors.softmax(p, 0, logits, 0, logits.length);
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double z = 0;
        for (float l : logits) {
            z += Math.exp(l - max);
        }
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            assertEquals(Math.exp(logits[i] - max) / z, p[i], 1e-6);
        }
        assertEquals(1.0, sum, 1e-5);
    }
}
