package org.nslab.renderer.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nslab.renderer.gl.EglDisplay;
import org.nslab.renderer.gl.OffscreenRenderer;
import org.nslab.renderer.output.ClipEncoder;
import org.nslab.renderer.output.Frames;
import org.nslab.renderer.output.PngEncoder;
import org.nslab.renderer.service.RenderJob;
import org.nslab.renderer.service.RenderQueue;
import org.nslab.renderer.service.RenderRequest;
import org.nslab.sdk.scene.Examples;
import org.nslab.sdk.scene.Scene;
import org.nslab.sdk.scene.SceneParser;
import org.nslab.sdk.scene.ShaderLibrary;

/**
 * Renderer benchmarks (not run by {@code verify}); results go to stdout and {@code target/bench/}:
 * <pre>./mvnw -B -pl services/renderer test -Dtest=RenderBenchmark -Drenderer.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Select parts with {@code -Drenderer.bench.parts=frames,clip,queue,soak}.
 */
@Tag("benchmark")
class RenderBenchmark {

    private static final Scene JOURNEY = new SceneParser(ShaderLibrary.classpath()).parse(Examples.json(Examples.JOURNEY_MAP)).scene();
    private static final String PARTS = System.getProperty("renderer.bench.parts", "frames,clip,queue,soak");
    private final StringBuilder report = new StringBuilder();

    private void out(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[bench] " + line);
        report.append(line).append('\n');
    }

    @Test
    void benchmark() throws Exception {
        ExecutorService gl = Executors.newSingleThreadExecutor();
        try {
            EglDisplay display = gl.submit(() -> EglDisplay.acquire(EglDisplay.Platform.AUTO)).get();
            OffscreenRenderer renderer = gl.submit(() -> new OffscreenRenderer(display, ShaderLibrary.classpath())).get();
            out("renderer: %s via %s; %d cores; Java %s", renderer.renderer(), display.description(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            if (PARTS.contains("frames")) {
                frames(gl, renderer, 1280, 720);
                frames(gl, renderer, 1920, 1080);
            }
            if (PARTS.contains("clip")) {
                clip(gl, renderer, "MP4", 1280, 720);
                clip(gl, renderer, "MP4-PIPELINED", 1280, 720);
                clip(gl, renderer, "GIF-PIPELINED", 1280, 720);
                clip(gl, renderer, "PNG-PARALLEL", 1280, 720);
            }
            gl.submit(() -> {
                renderer.close();
                display.close();
            }).get();
        } finally {
            gl.shutdown();
        }
        if (PARTS.contains("queue")) {
            queue(100);
        }
        if (PARTS.contains("soak")) {
            soak(Integer.getInteger("renderer.bench.soak", 5000));
        }
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/results.txt"), report.toString());
    }

    /** Per-frame draw, read-back, conversion and encoding times of the Journey Map (10,000 particles). */
    private void frames(ExecutorService gl, OffscreenRenderer renderer, int w, int h) throws Exception {
        int warm = 5;
        int n = 30;
        double[] times = new double[warm + n];
        for (int i = 0; i < times.length; i++) {
            times[i] = 4 + i / 30.0;
        }
        List<BufferedImage> frames = new ArrayList<>();
        long[] phase = new long[4];
        gl.submit(() -> {
            renderer.render(JOURNEY, w, h, java.util.Arrays.copyOf(times, warm), false, (i, f) -> { });
            renderer.render(JOURNEY, w, h, java.util.Arrays.copyOfRange(times, warm, times.length), false, (i, f) -> {
                if (frames.size() < 5) {
                    frames.add(f);
                }
            });
            OffscreenRenderer.Timings t = renderer.lastTimings();
            phase[0] = t.drawNanos();
            phase[1] = t.readNanos();
            phase[2] = t.convertNanos();
            return null;
        }).get();
        out("%dx%d journey map (10,000 particles), mean of %d frames: draw+glFinish %.1f ms, glReadPixels %.1f ms, flip to image %.1f ms",
                w, h, n, phase[0] / 1e6 / n, phase[1] / 1e6 / n, phase[2] / 1e6 / n);
        for (int level : new int[] {1, 6}) {
            PngEncoder png = new PngEncoder(level);
            long size = 0;
            long t0 = System.nanoTime();
            for (BufferedImage f : frames) {
                size += png.encode(Frames.pixels(f), w, h).length;
            }
            out("  PNG (own encoder, Sub filter, deflate %d): %.1f ms/frame, %d KB", level, (System.nanoTime() - t0) / 1e6 / frames.size(),
                    size / frames.size() / 1024);
        }
        long t0 = System.nanoTime();
        long size = 0;
        for (BufferedImage f : frames) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(f, "png", bytes);
            size += bytes.size();
        }
        out("  PNG (ImageIO default): %.1f ms/frame, %d KB", (System.nanoTime() - t0) / 1e6 / frames.size(), size / frames.size() / 1024);
        for (String format : new String[] {"GIF", "MP4"}) {
            Path file = Files.createTempFile("bench", "." + format.toLowerCase());
            try (ClipEncoder e = format.equals("GIF") ? ClipEncoder.gif(file, w, h, 30) : ClipEncoder.mp4(file, w, h, 30)) {
                e.add(Frames.pixels(frames.get(0)));
                long t1 = System.nanoTime();
                for (int i = 1; i < frames.size(); i++) {
                    e.add(Frames.pixels(frames.get(i)));
                }
                e.finish();
                out("  %s encode: %.1f ms/frame", format, (System.nanoTime() - t1) / 1e6 / (frames.size() - 1));
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A 10 s clip at 30 fps (300 frames): encoding on the GL thread, pipelined as the service does, and PNG frames encoded on a pool beside the GL thread. */
    private void clip(ExecutorService gl, OffscreenRenderer renderer, String format, int w, int h) throws Exception {
        double[] times = new double[300];
        for (int i = 0; i < times.length; i++) {
            times[i] = i / 30.0;
        }
        Path file = Files.createTempFile("clip", ".bin");
        long t0 = System.nanoTime();
        long bytes;
        if (format.equals("PNG-PARALLEL")) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> pending = new ArrayList<>();
            PngEncoder png = new PngEncoder(1);
            gl.submit(() -> {
                renderer.render(JOURNEY, w, h, times, true, (i, f) -> pending.add(pool.submit(() -> png.encode(Frames.pixels(f), w, h).length)));
                return null;
            }).get();
            long sum = 0;
            for (Future<Integer> f : pending) {
                sum += f.get();
            }
            bytes = sum;
            pool.shutdown();
        } else {
            ClipEncoder plain = format.startsWith("GIF") ? ClipEncoder.gif(file, w, h, 30) : ClipEncoder.mp4(file, w, h, 30);
            try (ClipEncoder e = format.endsWith("PIPELINED") ? new org.nslab.renderer.output.PipelinedEncoder(plain, 2, "bench-encoder") : plain) {
                gl.submit(() -> {
                    renderer.render(JOURNEY, w, h, times, true, (i, f) -> e.add(Frames.pixels(f)));
                    return null;
                }).get();
                e.finish();
            }
            bytes = Files.size(file);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.deleteIfExists(file);
        out("10 s clip %dx%d at 30 fps as %s: %.1f s, %.1f frames/s exported, %d KB", w, h, format, seconds, 300 / seconds, bytes / 1024);
    }

    /** Peak resident memory while a queue of {@code count} Journey Map stills at 1280×720 drains. */
    private void queue(int count) throws Exception {
        Path dir = Files.createTempDirectory("bench-queue");
        long rssBefore = rss("VmRSS");
        RenderQueue.Settings settings = new RenderQueue.Settings(1, EglDisplay.Platform.AUTO, dir, List.of(), Duration.ofMinutes(5),
                200, 1, Duration.ofHours(1));
        long t0 = System.nanoTime();
        try (RenderQueue queue = new RenderQueue(settings)) {
            List<RenderJob> jobs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                jobs.add(queue.submit("bench", count, new RenderRequest(Examples.json(Examples.JOURNEY_MAP), 1280, 720,
                        RenderRequest.Format.PNG, i * 0.1, 0, 30, true)).job());
            }
            out("queue of %d: all submitted in %.0f ms, %d waiting", count, (System.nanoTime() - t0) / 1e6, queue.queued());
            for (RenderJob job : jobs) {
                while (job.active()) {
                    Thread.sleep(20);
                }
                if (job.state() != RenderJob.State.SUCCEEDED) {
                    throw new IllegalStateException(job.error());
                }
            }
        }
        out("queue of %d Journey Map stills 1280x720 PNG: drained in %.1f s; JVM RSS before %d MB, peak (VmHWM) %d MB, heap max %d MB",
                count, (System.nanoTime() - t0) / 1e9, rssBefore / 1024, rss("VmHWM") / 1024, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Resident memory over thousands of renders through one worker and context (scene upload, draw, read-back, PNG, free). */
    private void soak(int count) throws Exception {
        Path dir = Files.createTempDirectory("bench-soak");
        RenderQueue.Settings settings = new RenderQueue.Settings(1, EglDisplay.Platform.AUTO, dir, List.of(), Duration.ofMinutes(5),
                count + 10, 1, Duration.ofHours(1));
        long t0 = System.nanoTime();
        try (RenderQueue queue = new RenderQueue(settings)) {
            StringBuilder samples = new StringBuilder();
            for (int i = 1; i <= count; i++) {
                RenderJob job = queue.submit("soak", 10, new RenderRequest(Examples.json(Examples.SHOWCASE), 320, 180,
                        RenderRequest.Format.PNG, i * 0.01, 0, 30, true)).job();
                while (job.active()) {
                    Thread.sleep(1);
                }
                Files.deleteIfExists(job.target());
                if (i == 100 || i % 500 == 0) {
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    samples.append(String.format(Locale.ROOT, " %d: RSS %d MB, heap used %d MB;", i, rss("VmRSS") / 1024,
                            (rt.totalMemory() - rt.freeMemory()) >> 20));
                }
            }
            out("soak, %d renders of the showcase scene (320x180, new scene upload each) in %.0f s; RSS after n renders:%s",
                    count, (System.nanoTime() - t0) / 1e9, samples);
        }
    }

    private static long rss(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
