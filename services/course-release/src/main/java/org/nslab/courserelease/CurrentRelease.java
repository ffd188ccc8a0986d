package org.nslab.courserelease;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The content release a service works against, and the model it built from it (the quiz service's
 * question bank, the progress service's course index). One background thread loads the active release:
 * at {@link #start()} and whenever {@link #reload()} is called (a {@code content.release-published.v1}
 * event). Requests that arrive while a load runs are folded into one more load, so the last load always
 * starts after the last request and sees the release active then. A failed load is retried with
 * back-off; meanwhile the model loaded before stays in use. Until a first release is loaded there is
 * none ({@link #current()} is empty) and the service reports itself not ready.
 *
 * @param <T> the model built from a release
 */
public final class CurrentRelease<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CurrentRelease.class);

    /** A release and the model built from it. */
    public record Loaded<T>(String releaseId, T model, Instant loadedAt) {
    }

    /** What a readiness check reports. */
    public record Status(boolean ready, String releaseId, long failedAttempts, String lastError) {
    }

    private final String name;
    private final Supplier<CourseRelease> source;
    private final Function<CourseRelease, T> build;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Object lock = new Object();
    private final Thread thread;

    private volatile Loaded<T> current;
    private volatile String lastError;
    private volatile long failedAttempts;
    private boolean requested;
    private boolean closed;

    /**
     * @param name   for the thread and the log, e.g. {@code quiz}
     * @param source loads the active release (e.g. {@link ContentReleaseClient#active()}); throws when it cannot
     * @param build  the model of a release; may throw on a document it cannot use (the load is retried)
     */
    public CurrentRelease(String name, Supplier<CourseRelease> source, Function<CourseRelease, T> build, Duration firstRetry,
                          Duration maxRetry) {
        this.name = name;
        this.source = source;
        this.build = build;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.thread = new Thread(this::run, name + "-content-release");
        this.thread.setDaemon(true);
    }

    /**
     * The content service's active release with {@code build}'s model, loaded over its GraphQL with a timeout per
     * call and retried with back-off from 1 s doubling to 30 s; started.
     */
    public static <T> CurrentRelease<T> fromContentService(String name, String contentUrl, Supplier<String> accessToken,
                                                           Duration timeout, boolean withQuestions, Function<CourseRelease, T> build) {
        ContentReleaseClient content = new ContentReleaseClient(contentUrl, accessToken, timeout, withQuestions);
        return new CurrentRelease<>(name, content::active, build, Duration.ofSeconds(1), Duration.ofSeconds(30)).start();
    }

    /** Gives the first load up to {@code wait} at a service's start; past it the service starts not ready and keeps trying. */
    public void awaitAtStart(Duration wait) throws InterruptedException {
        if (!awaitLoaded(wait)) {
            LOG.warnf("%s: no content release after %s; not ready until the content service answers (%s)", name, wait, lastError);
        }
    }

    /** Starts loading the active release in the background. */
    public CurrentRelease<T> start() {
        reload();
        thread.start();
        return this;
    }

    /** Asks for the active release to be loaded again (another one may have become active). */
    public void reload() {
        synchronized (lock) {
            requested = true;
            lock.notifyAll();
        }
    }

    /** The release in use, empty until the first one is loaded. */
    public Optional<Loaded<T>> current() {
        return Optional.ofNullable(current);
    }

    /** Waits up to {@code timeout} for a first release; returns whether one is loaded. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (current == null && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        return current != null;
    }

    public Status status() {
        Loaded<T> loaded = current;
        return new Status(loaded != null, loaded == null ? null : loaded.releaseId(), failedAttempts, lastError);
    }

    private void run() {
        while (true) {
            synchronized (lock) {
                while (!requested && !closed) {
                    waitQuietly(0);
                }
                if (closed) {
                    return;
                }
                requested = false;
            }
            Duration delay = firstRetry;
            while (!loadOnce()) {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    waitQuietly(delay.toMillis());
                    if (closed) {
                        return;
                    }
                }
                delay = delay.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : delay.multipliedBy(2);
            }
        }
    }

    private boolean loadOnce() {
        try {
            CourseRelease release = source.get();
            Loaded<T> before = current;
            Loaded<T> loaded = before != null && before.releaseId().equals(release.releaseId()) ? before
                    : new Loaded<>(release.releaseId(), build.apply(release), Instant.now());
            synchronized (lock) {
                lastError = null;
                failedAttempts = 0;
                current = loaded;
                lock.notifyAll();
            }
            if (loaded != before) {
                LOG.infof("%s: content release %s in use%s", name, release.releaseId(),
                        before == null ? "" : " (was " + before.releaseId() + ")");
            }
            return true;
        } catch (RuntimeException e) {
            failedAttempts++;
            lastError = e.getMessage();
            LOG.warnf("%s: cannot load the content release (attempt %d%s): %s", name, failedAttempts,
                    current == null ? ", none loaded yet" : ", still using " + current.releaseId(), e.getMessage());
            return false;
        }
    }

    private void waitQuietly(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}
