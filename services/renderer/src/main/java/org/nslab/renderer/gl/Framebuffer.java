package org.nslab.renderer.gl;

import static org.lwjgl.opengles.GLES20.GL_COLOR_ATTACHMENT0;
import static org.lwjgl.opengles.GLES20.GL_DEPTH_ATTACHMENT;
import static org.lwjgl.opengles.GLES20.GL_FRAMEBUFFER;
import static org.lwjgl.opengles.GLES20.GL_FRAMEBUFFER_COMPLETE;
import static org.lwjgl.opengles.GLES20.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengles.GLES20.GL_RENDERBUFFER;
import static org.lwjgl.opengles.GLES20.GL_RGBA;
import static org.lwjgl.opengles.GLES20.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengles.GLES20.glBindFramebuffer;
import static org.lwjgl.opengles.GLES20.glBindRenderbuffer;
import static org.lwjgl.opengles.GLES20.glCheckFramebufferStatus;
import static org.lwjgl.opengles.GLES20.glDeleteFramebuffers;
import static org.lwjgl.opengles.GLES20.glDeleteRenderbuffers;
import static org.lwjgl.opengles.GLES20.glFramebufferRenderbuffer;
import static org.lwjgl.opengles.GLES20.glGenFramebuffers;
import static org.lwjgl.opengles.GLES20.glGenRenderbuffers;
import static org.lwjgl.opengles.GLES20.glPixelStorei;
import static org.lwjgl.opengles.GLES20.glReadPixels;
import static org.lwjgl.opengles.GLES20.glRenderbufferStorage;
import static org.lwjgl.opengles.GLES20.glViewport;
import static org.lwjgl.opengles.GLES30.GL_DEPTH_COMPONENT24;
import static org.lwjgl.opengles.GLES30.GL_RGBA8;

import java.nio.ByteBuffer;

/** An RGBA8 + 24-bit depth framebuffer object of one size; {@link #read} copies its pixels, bottom row first. */
public final class Framebuffer implements AutoCloseable {

    private final int width;
    private final int height;
    private final int framebuffer;
    private final int color;
    private final int depth;

    public Framebuffer(int width, int height) {
        this.width = width;
        this.height = height;
        framebuffer = glGenFramebuffers();
        color = glGenRenderbuffers();
        depth = glGenRenderbuffers();
        glBindRenderbuffer(GL_RENDERBUFFER, color);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glBindRenderbuffer(GL_RENDERBUFFER, depth);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            close();
            throw new GlException("framebuffer " + width + "×" + height + " incomplete: 0x" + Integer.toHexString(status));
        }
        glViewport(0, 0, width, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Binds it as the draw target with a viewport covering it. */
    public void bind() {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glViewport(0, 0, width, height);
    }

    /** Reads RGBA8 pixels into {@code target} (width × height × 4 bytes, rows bottom-up, as GL stores them). */
    public void read(ByteBuffer target) {
        if (target.capacity() < width * height * 4) {
            throw new IllegalArgumentException("read-back buffer too small");
        }
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, target);
    }

    @Override
    public void close() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(framebuffer);
        glDeleteRenderbuffers(color);
        glDeleteRenderbuffers(depth);
    }
}
