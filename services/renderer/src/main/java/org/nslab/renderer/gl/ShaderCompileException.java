package org.nslab.renderer.gl;

/** A shader of {@code shaders/} did not compile or link; the message names the program, stage and the driver's log. */
public class ShaderCompileException extends GlException {

    public ShaderCompileException(String message) {
        super(message);
    }
}
