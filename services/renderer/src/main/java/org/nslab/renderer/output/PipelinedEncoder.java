package org.nslab.renderer.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Encodes on its own thread while the GL thread draws the next frame: encoding (H.264, GIF's LZW) costs
 * more than drawing, so overlapping them raises the export rate. At most {@code depth} frames wait.
 */
public final class PipelinedEncoder implements ClipEncoder {

    private static final int[] END = new int[0];

    private final ClipEncoder delegate;
    private final BlockingQueue<int[]> frames;
    private final Thread thread;
    private volatile Throwable failure;

    public PipelinedEncoder(ClipEncoder delegate, int depth, String name) {
        this.delegate = delegate;
        this.frames = new ArrayBlockingQueue<>(depth);
        this.thread = new Thread(this::encode, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void encode() {
        try {
            while (true) {
                int[] frame = frames.take();
                if (frame == END) {
                    delegate.finish();
                    return;
                }
                delegate.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            frames.clear();
        }
    }

    /** Hands a frame over (the array must not be reused by the caller); waits while {@code depth} frames are pending. */
    @Override
    public void add(int[] rgb) throws IOException {
        rethrow();
        try {
            while (!frames.offer(rgb, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IOException("the encoder thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing a frame to the encoder");
        }
    }

    @Override
    public void finish() throws IOException {
        add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while finishing the encoding");
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t != null) {
            throw new IOException("encoding failed", t);
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delegate.close();
    }
}
