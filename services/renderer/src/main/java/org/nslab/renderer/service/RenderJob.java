package org.nslab.renderer.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.nslab.sdk.scene.Scene;

/** One render in the queue: its request, its validated scene and what has happened to it so far. */
public final class RenderJob {

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final UUID id = UUID.randomUUID();
    private final String owner;
    // The scene and its JSON are dropped when the job ends: a finished job keeps only what its view shows.
    private volatile RenderRequest request;
    private volatile Scene scene;
    private final double[] times;
    private final Path target;
    private final Instant createdAt = Instant.now();
    private final AtomicInteger framesDone = new AtomicInteger();
    private volatile State state = State.QUEUED;
    private volatile String error;
    private volatile Instant finishedAt;
    private volatile long bytes;
    private volatile boolean cancelRequested;

    RenderJob(String owner, RenderRequest request, Scene scene, double[] times, Path target) {
        this.owner = owner;
        this.request = request;
        this.scene = scene;
        this.times = times;
        this.target = target;
    }

    public UUID id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public RenderRequest request() {
        return request;
    }

    public Scene scene() {
        return scene;
    }

    double[] times() {
        return times;
    }

    public Path target() {
        return target;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int framesTotal() {
        return times.length;
    }

    public int framesDone() {
        return framesDone.get();
    }

    void frameDone() {
        framesDone.incrementAndGet();
    }

    public State state() {
        return state;
    }

    public String error() {
        return error;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public long bytes() {
        return bytes;
    }

    public boolean active() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void requestCancel() {
        cancelRequested = true;
    }

    synchronized boolean start() {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.RUNNING;
        return true;
    }

    synchronized void finish(State outcome, String message, long size) {
        if (state == State.SUCCEEDED || state == State.FAILED || state == State.CANCELLED) {
            return;
        }
        state = outcome;
        error = message;
        scene = null;
        request = new RenderRequest(null, request.width(), request.height(), request.format(), request.time(), request.duration(),
                request.fps(), request.labels());
        bytes = size;
        finishedAt = Instant.now();
    }
}
