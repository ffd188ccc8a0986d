package org.nslab.simulation.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.nslab.simulation.engine.Trainer;

/**
 * The service's blob store for checkpoint weights and optimizer state: one file per checkpoint,
 * written to a temporary name and moved into place, so a crash never leaves half a checkpoint.
 */
public final class CheckpointStore {

    private static final int FORMAT = 1;
    private final Path root;

    public CheckpointStore(Path root) {
        this.root = root;
    }

    /** The store in the service's data folder ({@code <dataDir>/checkpoints}), which every replica shares. */
    public static CheckpointStore under(Path dataDir) {
        return new CheckpointStore(dataDir.resolve("checkpoints"));
    }

    /** Writes the state and returns its key. */
    public String write(UUID runId, Trainer.State state) throws IOException {
        String key = runId + "/step-" + state.step() + ".bin";
        Path file = root.resolve(key);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(FORMAT);
            out.writeInt(state.step());
            out.writeInt(state.optimizerSteps());
            out.writeDouble(state.bestValidationLoss());
            out.writeInt(state.evaluationsWithoutImprovement());
            writeArray(out, state.parameters());
            writeArray(out, state.firstMoments());
            writeArray(out, state.secondMoments());
            writeArray(out, state.bestParameters());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    public Trainer.State read(String key) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(root.resolve(key))))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("unknown checkpoint format in " + key);
            }
            int step = in.readInt();
            int optimizerSteps = in.readInt();
            double best = in.readDouble();
            int without = in.readInt();
            float[] params = readArray(in);
            float[] m = readArray(in);
            float[] v = readArray(in);
            float[] bestParams = readArray(in);
            return new Trainer.State(step, params, m, v, optimizerSteps, best, bestParams, without);
        }
    }

    private static void writeArray(DataOutputStream out, float[] array) throws IOException {
        if (array == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(array.length);
        for (float f : array) {
            out.writeFloat(f);
        }
    }

    private static float[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        float[] array = new float[n];
        for (int i = 0; i < n; i++) {
            array[i] = in.readFloat();
        }
        return array;
    }
}
