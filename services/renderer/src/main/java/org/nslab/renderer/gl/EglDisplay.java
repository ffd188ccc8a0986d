package org.nslab.renderer.gl;

import static org.lwjgl.egl.EGL10.EGL_EXTENSIONS;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglInitialize;
import static org.lwjgl.egl.EGL10.eglQueryString;
import static org.lwjgl.egl.EGL10.eglTerminate;
import static org.lwjgl.system.MemoryStack.stackPush;

import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.egl.EXTDeviceEnumeration;
import org.lwjgl.egl.EXTDeviceQuery;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * The process's EGL display, shared by every worker's context: the EGL device of a GPU when there is
 * one (EGL_EXT_platform_device, a device without EGL_MESA_device_software), else Mesa's surfaceless
 * platform (llvmpipe on the CPU). No window system is needed either way.
 */
public final class EglDisplay implements AutoCloseable {

    public enum Platform { AUTO, SURFACELESS, DEVICE }

    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;
    private static final int EGL_PLATFORM_DEVICE_EXT = 0x313F;

    private final long handle;
    private final String description;
    private final EGLCapabilities capabilities;

    private EglDisplay(long handle, String description, EGLCapabilities capabilities) {
        this.handle = handle;
        this.description = description;
        this.capabilities = capabilities;
    }

    private static EglDisplay shared;
    private static int users;

    /**
     * The process's display, opened on first use. EGL hands out one display per platform and native
     * display, so it is shared and reference-counted: the last {@link #close()} terminates it.
     */
    public static synchronized EglDisplay acquire(Platform platform) {
        if (shared == null) {
            shared = open(platform);
        }
        users++;
        return shared;
    }

    private static EglDisplay open(Platform platform) {
        // LWJGL creates the EGL binding itself when the class loads; calling EGL.create() again throws.
        EGLCapabilities client = EGL.getCapabilities();
        long getPlatformDisplay = client.eglGetPlatformDisplayEXT;
        if (getPlatformDisplay == 0) {
            throw new GlException("EGL has no eglGetPlatformDisplayEXT: libEGL (Mesa or a GPU driver) is too old or missing");
        }
        long display = EGL_NO_DISPLAY;
        String description = null;
        if (platform != Platform.SURFACELESS && client.eglQueryDevicesEXT != 0) {
            long device = hardwareDevice();
            if (device != 0) {
                // LWJGL's wrapper rejects a 0 attribute list; call the entry point directly.
                display = JNI.callPPP(EGL_PLATFORM_DEVICE_EXT, device, 0L, getPlatformDisplay);
                description = "EGL device";
            }
        }
        if (display == EGL_NO_DISPLAY) {
            if (platform == Platform.DEVICE) {
                throw new GlException("no GPU EGL device found (nslab.renderer.egl-platform=device)");
            }
            display = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, 0L, 0L, getPlatformDisplay);
            description = "Mesa surfaceless";
        }
        if (display == EGL_NO_DISPLAY) {
            throw new GlException("cannot open an EGL display (" + description + "): error 0x" + Integer.toHexString(eglGetError()));
        }
        try (MemoryStack stack = stackPush()) {
            IntBuffer major = stack.mallocInt(1);
            IntBuffer minor = stack.mallocInt(1);
            if (!eglInitialize(display, major, minor)) {
                throw new GlException("eglInitialize failed on " + description + ": error 0x" + Integer.toHexString(eglGetError()));
            }
            EGLCapabilities caps = EGL.createDisplayCapabilities(display, major.get(0), minor.get(0));
            return new EglDisplay(display, description + " (EGL " + major.get(0) + "." + minor.get(0) + ")", caps);
        }
    }

    /** The first EGL device that is not a software rasterizer, or 0. */
    private static long hardwareDevice() {
        try (MemoryStack stack = stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            PointerBuffer devices = stack.mallocPointer(16);
            if (!EXTDeviceEnumeration.eglQueryDevicesEXT(devices, count)) {
                return 0;
            }
            for (int i = 0; i < count.get(0); i++) {
                String extensions = EXTDeviceQuery.eglQueryDeviceStringEXT(devices.get(i), EGL_EXTENSIONS);
                if (extensions != null && !extensions.contains("EGL_MESA_device_software")) {
                    return devices.get(i);
                }
            }
            return 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public long handle() {
        return handle;
    }

    public EGLCapabilities capabilities() {
        return capabilities;
    }

    public String description() {
        return description + ", " + eglQueryString(handle, org.lwjgl.egl.EGL10.EGL_VENDOR);
    }

    @Override
    public void close() {
        synchronized (EglDisplay.class) {
            if (--users == 0) {
                eglTerminate(handle);
                shared = null;
            }
        }
    }
}
