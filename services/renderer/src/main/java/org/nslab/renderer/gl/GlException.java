package org.nslab.renderer.gl;

/** A GL or EGL failure, with a message fit for a job's error (no stack trace reaches a client). */
public class GlException extends RuntimeException {

    public GlException(String message) {
        super(message);
    }
}
