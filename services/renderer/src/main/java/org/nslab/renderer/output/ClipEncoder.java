package org.nslab.renderer.output;

import java.io.IOException;
import java.nio.file.Path;

/** Writes frames of one size, in order, into a file. */
public interface ClipEncoder extends AutoCloseable {

    void add(int[] rgb) throws IOException;

    /** Completes the file; without it the file is incomplete. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;

    static ClipEncoder gif(Path file, int width, int height, int fps) throws IOException {
        return new GifEncoder(file, width, height, fps);
    }

    static ClipEncoder mp4(Path file, int width, int height, int fps) throws IOException {
        return new Mp4Encoder(file, width, height, fps);
    }
}
