package org.nslab.renderer.gl;

import static org.lwjgl.egl.EGL10.EGL_ALPHA_SIZE;
import static org.lwjgl.egl.EGL10.EGL_BLUE_SIZE;
import static org.lwjgl.egl.EGL10.EGL_DEPTH_SIZE;
import static org.lwjgl.egl.EGL10.EGL_GREEN_SIZE;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_PBUFFER_BIT;
import static org.lwjgl.egl.EGL10.EGL_RED_SIZE;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL10.eglChooseConfig;
import static org.lwjgl.egl.EGL10.eglCreateContext;
import static org.lwjgl.egl.EGL10.eglDestroyContext;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglMakeCurrent;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL12.eglBindAPI;
import static org.lwjgl.egl.EGL12.eglReleaseThread;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_ES_API;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_OPENGL_ES3_BIT;
import static org.lwjgl.system.MemoryStack.stackPush;

import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.opengles.GLES;
import org.lwjgl.opengles.GLES20;
import org.lwjgl.system.MemoryStack;

/**
 * An OpenGL ES 3 context, current on the thread that created it and only there (no surface: drawing
 * goes to framebuffer objects). One per worker thread; {@link #close()} on that same thread.
 */
public final class GlContext implements AutoCloseable {

    private final EglDisplay display;
    private final long context;
    private final Thread owner;
    private final String renderer;

    public GlContext(EglDisplay display) {
        this.display = display;
        this.owner = Thread.currentThread();
        long dpy = display.handle();
        if (!eglBindAPI(EGL_OPENGL_ES_API)) {
            throw new GlException("eglBindAPI(OpenGL ES) failed: 0x" + Integer.toHexString(eglGetError()));
        }
        try (MemoryStack stack = stackPush()) {
            IntBuffer attributes = stack.ints(EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES3_BIT,
                    EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_DEPTH_SIZE, 24, EGL_NONE);
            PointerBuffer configs = stack.mallocPointer(1);
            IntBuffer count = stack.mallocInt(1);
            if (!eglChooseConfig(dpy, attributes, configs, count) || count.get(0) == 0) {
                throw new GlException("no EGL config for OpenGL ES 3 with RGBA8 and depth 24: 0x" + Integer.toHexString(eglGetError()));
            }
            IntBuffer contextAttributes = stack.ints(EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 0, EGL_NONE);
            context = eglCreateContext(dpy, configs.get(0), EGL_NO_CONTEXT, contextAttributes);
            if (context == EGL_NO_CONTEXT) {
                throw new GlException("eglCreateContext failed: 0x" + Integer.toHexString(eglGetError()));
            }
        }
        if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
            eglDestroyContext(dpy, context);
            throw new GlException("eglMakeCurrent (surfaceless) failed: 0x" + Integer.toHexString(eglGetError()));
        }
        GLES.createCapabilities();
        renderer = GLES20.glGetString(GLES20.GL_RENDERER) + " / " + GLES20.glGetString(GLES20.GL_VERSION);
    }

    /** GL_RENDERER / GL_VERSION, e.g. "llvmpipe (LLVM 15.0.6, 256 bits) / OpenGL ES 3.2 Mesa 22.3.6". */
    public String renderer() {
        return renderer;
    }

    public void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("GL context used from " + Thread.currentThread().getName() + ", owned by " + owner.getName());
        }
    }

    @Override
    public void close() {
        checkThread();
        long dpy = display.handle();
        eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(dpy, context);
        eglReleaseThread();
        GLES.setCapabilities(null);
    }
}
