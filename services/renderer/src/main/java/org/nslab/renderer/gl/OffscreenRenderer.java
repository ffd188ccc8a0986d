package org.nslab.renderer.gl;

import static org.lwjgl.system.MemoryUtil.memAlloc;
import static org.lwjgl.system.MemoryUtil.memFree;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import org.nslab.renderer.output.Frames;
import org.nslab.renderer.output.LabelPainter;
import org.nslab.sdk.scene.Scene;
import org.nslab.sdk.scene.ShaderLibrary;

/**
 * One worker's GL context and compiled programs. Renders frames of a scene offscreen and hands each to
 * a sink as a top-down RGB image. Create, use and close it on one thread.
 */
public final class OffscreenRenderer implements AutoCloseable {

    /** Receives frame {@code index} (0-based); may throw to stop the render (a timeout, a cancelled job). */
    @FunctionalInterface
    public interface FrameSink {
        void accept(int index, BufferedImage frame) throws Exception;
    }

    /** Time spent in each phase of the last {@link #render}, in nanoseconds, summed over its frames. */
    public record Timings(long uploadNanos, long drawNanos, long readNanos, long convertNanos, long sinkNanos) {
    }

    private final GlContext context;
    private final ProgramCache programs;
    private Timings lastTimings = new Timings(0, 0, 0, 0, 0);

    public OffscreenRenderer(EglDisplay display, ShaderLibrary shaders) {
        context = new GlContext(display);
        programs = new ProgramCache(shaders);
    }

    public String renderer() {
        return context.renderer();
    }

    /**
     * Draws the scene at each time and passes the frames on, labels painted on top when {@code labels}.
     *
     * @throws ShaderCompileException when one of the scene's programs does not compile
     * @throws Exception whatever the sink throws; every GL object and native buffer is freed either way
     */
    public void render(Scene scene, int width, int height, double[] times, boolean labels, FrameSink sink) throws Exception {
        context.checkThread();
        long t0 = System.nanoTime();
        long draw = 0, read = 0, convert = 0, sinkTime = 0;
        ByteBuffer pixels = memAlloc(width * height * 4);
        try (GlScene glScene = new GlScene(scene, programs); Framebuffer framebuffer = new Framebuffer(width, height)) {
            long upload = System.nanoTime() - t0;
            for (int i = 0; i < times.length; i++) {
                long a = System.nanoTime();
                framebuffer.bind();
                glScene.draw(times[i], width, height);
                long b = System.nanoTime();
                framebuffer.read(pixels);
                long c = System.nanoTime();
                BufferedImage image = Frames.toImage(pixels, width, height);
                if (labels) {
                    LabelPainter.paint(image, scene, times[i]);
                }
                long d = System.nanoTime();
                sink.accept(i, image);
                long e = System.nanoTime();
                draw += b - a;
                read += c - b;
                convert += d - c;
                sinkTime += e - d;
            }
            lastTimings = new Timings(upload, draw, read, convert, sinkTime);
        } finally {
            memFree(pixels);
        }
    }

    public Timings lastTimings() {
        return lastTimings;
    }

    /** Programs compiled in this context so far. */
    public int compiledPrograms() {
        return programs.size();
    }

    @Override
    public void close() {
        try {
            programs.close();
        } finally {
            context.close();
        }
    }
}
