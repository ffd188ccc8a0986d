package org.nslab.renderer.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.nslab.renderer.gl.EglDisplay;
import org.nslab.renderer.gl.GlException;
import org.nslab.renderer.gl.OffscreenRenderer;
import org.nslab.renderer.gl.ShaderCompileException;
import org.nslab.renderer.output.ClipEncoder;
import org.nslab.renderer.output.Frames;
import org.nslab.renderer.output.PipelinedEncoder;
import org.nslab.renderer.output.PngEncoder;
import org.nslab.sdk.scene.Problem;
import org.nslab.sdk.scene.SceneLimits;
import org.nslab.sdk.scene.SceneParser;
import org.nslab.sdk.scene.ShaderLibrary;

/**
 * The render queue: validates requests, keeps jobs first in, first out, and runs them on worker
 * threads that each own one GL context for their whole life. A job that fails (a shader that does not
 * compile, a timeout, a broken context) fails alone; the worker goes on with the next one.
 * Framework-free; {@code RenderService} wires it into Quarkus.
 */
public final class RenderQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RenderQueue.class.getName());

    public record Settings(int workers, EglDisplay.Platform platform, Path outputDir, List<Path> shaderDirs, Duration jobTimeout,
                           int maxQueued, int pngLevel, Duration retention) {
    }

    /** A submission's outcome: the job, or the problems that kept it out of the queue. */
    public record Outcome(RenderJob job, List<Problem> problems) {
    }

    private final Settings settings;
    private final ShaderLibrary shaders;
    private final SceneParser parser;
    private final BlockingQueue<RenderJob> queue = new LinkedBlockingQueue<>();
    private final Map<UUID, RenderJob> jobs = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Map<String, String> workerRenderers = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public RenderQueue(Settings settings) {
        this.settings = settings;
        this.shaders = new ShaderLibrary(settings.shaderDirs());
        this.parser = new SceneParser(shaders);
        try {
            Files.createDirectories(settings.outputDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < settings.workers(); i++) {
            Thread worker = new Thread(this::work, "renderer-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    public ShaderLibrary shaders() {
        return shaders;
    }

    public SceneParser parser() {
        return parser;
    }

    /**
     * Validates and queues a render for {@code owner}, who may have at most {@code activeLimit} jobs
     * queued or running. Problems name the request field ({@code /width}) or the scene part
     * ({@code /scene/particles/0/count}).
     */
    public Outcome submit(String owner, int activeLimit, RenderRequest request) {
        return submit(owner, activeLimit, request, settings.outputDir().resolve(UUID.randomUUID() + "." + request.format().extension));
    }

    /** As {@link #submit(String, int, RenderRequest)}, writing the result to {@code target}. */
    public Outcome submit(String owner, int activeLimit, RenderRequest request, Path target) {
        List<Problem> problems = new ArrayList<>();
        if (request.format() == null) {
            problems.add(new Problem("/format", "format is required: PNG, GIF or MP4"));
            return new Outcome(null, problems);
        }
        double duration = request.format().isClip() ? request.duration() : 0;
        problems.addAll(SceneLimits.checkOutput(request.width(), request.height(), duration, request.fps()));
        if (request.format() == RenderRequest.Format.MP4 && (request.width() % 2 != 0 || request.height() % 2 != 0)) {
            problems.add(new Problem("/width", "MP4 needs an even width and height (H.264 4:2:0), was "
                    + request.width() + "×" + request.height()));
        }
        if (request.format().isClip() && !(request.duration() > 0)) {
            problems.add(new Problem("/duration", "a " + request.format() + " clip needs a duration above 0 seconds"));
        }
        if (!request.format().isClip() && (request.time() < 0 || request.time() > 3600 || Double.isNaN(request.time()))) {
            problems.add(new Problem("/time", "time must be between 0 and 3600 seconds"));
        }
        SceneParser.Result parsed = parser.parse(request.sceneJson());
        parsed.problems().forEach(p -> problems.add(new Problem("/scene" + p.pointer(), p.message())));
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        long active = jobs.values().stream().filter(j -> j.owner().equals(owner) && j.active()).count();
        if (active >= activeLimit) {
            return new Outcome(null, List.of(new Problem("", "you have " + active + " renders queued or running, at most "
                    + activeLimit + ": wait for one to finish or cancel one")));
        }
        if (queue.size() >= settings.maxQueued()) {
            return new Outcome(null, List.of(new Problem("", "the render queue is full (" + settings.maxQueued()
                    + " jobs); try again in a few minutes")));
        }
        double[] times;
        if (request.format().isClip()) {
            int frames = SceneLimits.frames(request.duration(), request.fps());
            times = new double[frames];
            for (int i = 0; i < frames; i++) {
                times[i] = request.time() + i / (double) request.fps();
            }
        } else {
            times = new double[] {request.time()};
        }
        removeExpired();
        RenderJob job = new RenderJob(owner, request, parsed.scene(), times, target);
        jobs.put(job.id(), job);
        queue.add(job);
        return new Outcome(job, List.of());
    }

    public Optional<RenderJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<RenderJob> ofOwner(String owner) {
        return jobs.values().stream().filter(j -> j.owner().equals(owner))
                .sorted(Comparator.comparing(RenderJob::createdAt).reversed()).toList();
    }

    /** Place in the queue counting this job (1 = next), 0 when it is not waiting. */
    public int queuePosition(RenderJob job) {
        if (job.state() != RenderJob.State.QUEUED) {
            return 0;
        }
        int position = 1;
        for (RenderJob queued : queue) {
            if (queued == job) {
                return position;
            }
            position++;
        }
        return 0;
    }

    public int queued() {
        return queue.size();
    }

    public long running() {
        return jobs.values().stream().filter(j -> j.state() == RenderJob.State.RUNNING).count();
    }

    /** Cancels a queued job at once, a running one after its current frame. */
    public void cancel(RenderJob job) {
        job.requestCancel();
        if (queue.remove(job)) {
            job.finish(RenderJob.State.CANCELLED, "cancelled", 0);
        }
    }

    /** GL_RENDERER of each worker that has started its context. */
    public Collection<String> renderers() {
        return workerRenderers.values();
    }

    private void work() {
        EglDisplay display = null;
        OffscreenRenderer renderer = null;
        try {
            while (!stopping) {
                RenderJob job = queue.poll(200, TimeUnit.MILLISECONDS);
                if (job == null || !job.start()) {
                    continue;
                }
                try {
                    if (renderer == null) {
                        if (display == null) {
                            display = EglDisplay.acquire(settings.platform());
                        }
                        renderer = new OffscreenRenderer(display, shaders);
                        workerRenderers.put(Thread.currentThread().getName(), renderer.renderer() + " via " + display.description());
                    }
                    run(job, renderer);
                } catch (GlException e) {
                    if (!(e instanceof ShaderCompileException) && renderer != null) {
                        // The context may be broken: start the next job on a fresh one.
                        closeQuietly(renderer);
                        renderer = null;
                    }
                    fail(job, e.getMessage());
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.WARNING, "render " + job.id() + " failed", e);
                    fail(job, "internal error while rendering");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(renderer);
            if (display != null) {
                display.close();
            }
        }
    }

    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private void run(RenderJob job, OffscreenRenderer renderer) {
        RenderRequest request = job.request();
        org.nslab.sdk.scene.Scene scene = job.scene();
        if (scene == null) {
            return; // ended (cancelled, shut down) between leaving the queue and starting
        }
        long deadline = System.nanoTime() + settings.jobTimeout().toNanos();
        Path partial = job.target().resolveSibling(job.target().getFileName() + ".part");
        Consumer<Object> check = ignored -> {
            if (job.cancelRequested()) {
                throw new Stop("cancelled");
            }
            if (System.nanoTime() > deadline) {
                throw new Stop("timed out after " + settings.jobTimeout().toMillis() / 1000.0 + " s (" + job.framesDone() + " of "
                        + job.framesTotal() + " frames rendered)");
            }
        };
        try {
            Files.createDirectories(partial.getParent());
            if (request.format().isClip()) {
                ClipEncoder format = request.format() == RenderRequest.Format.GIF
                        ? ClipEncoder.gif(partial, request.width(), request.height(), request.fps())
                        : ClipEncoder.mp4(partial, request.width(), request.height(), request.fps());
                try (ClipEncoder encoder = new PipelinedEncoder(format, 2, Thread.currentThread().getName() + "-encoder")) {
                    renderer.render(scene, request.width(), request.height(), job.times(), request.labels(), (i, frame) -> {
                        check.accept(null);
                        encoder.add(Frames.pixels(frame));
                        job.frameDone();
                    });
                    check.accept(null);
                    encoder.finish();
                }
            } else {
                PngEncoder png = new PngEncoder(settings.pngLevel());
                renderer.render(scene, request.width(), request.height(), job.times(), request.labels(), (i, frame) -> {
                    check.accept(null);
                    try (OutputStream out = Files.newOutputStream(partial)) {
                        png.write(Frames.pixels(frame), frame.getWidth(), frame.getHeight(), out);
                    }
                    job.frameDone();
                });
            }
            Files.move(partial, job.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            job.finish(RenderJob.State.SUCCEEDED, null, Files.size(job.target()));
        } catch (Stop e) {
            job.finish(job.cancelRequested() ? RenderJob.State.CANCELLED : RenderJob.State.FAILED, e.getMessage(), 0);
        } catch (GlException e) {
            throw e;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "render " + job.id() + " could not be written", e);
            job.finish(RenderJob.State.FAILED, "the result could not be written", 0);
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private void fail(RenderJob job, String message) {
        job.finish(RenderJob.State.FAILED, message, 0);
    }

    /** Finished jobs kept at most, whatever their age (the oldest go first, files included). */
    static final int MAX_FINISHED_JOBS = 10_000;

    /** Forgets finished jobs older than the retention, or beyond {@link #MAX_FINISHED_JOBS}, and deletes their files. */
    public void removeExpired() {
        Instant limit = Instant.now().minus(settings.retention());
        List<RenderJob> finished = jobs.values().stream().filter(j -> !j.active() && j.finishedAt() != null)
                .sorted(Comparator.comparing(RenderJob::finishedAt)).toList();
        int excess = finished.size() - MAX_FINISHED_JOBS;
        for (RenderJob job : finished) {
            if (excess-- > 0 || job.finishedAt().isBefore(limit)) {
                jobs.remove(job.id());
                deleteQuietly(job.target());
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot delete " + file, e);
        }
    }

    private static void closeQuietly(OffscreenRenderer renderer) {
        if (renderer != null) {
            try {
                renderer.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing a GL context failed", e);
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        for (RenderJob job : queue) {
            job.finish(RenderJob.State.CANCELLED, "the renderer is shutting down", 0);
        }
        queue.clear();
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
