package org.nslab.renderer.gl;

import static org.lwjgl.opengles.GLES20.GL_COMPILE_STATUS;
import static org.lwjgl.opengles.GLES20.GL_FRAGMENT_SHADER;
import static org.lwjgl.opengles.GLES20.GL_LINK_STATUS;
import static org.lwjgl.opengles.GLES20.GL_VERTEX_SHADER;
import static org.lwjgl.opengles.GLES20.glAttachShader;
import static org.lwjgl.opengles.GLES20.glCompileShader;
import static org.lwjgl.opengles.GLES20.glCreateProgram;
import static org.lwjgl.opengles.GLES20.glCreateShader;
import static org.lwjgl.opengles.GLES20.glDeleteProgram;
import static org.lwjgl.opengles.GLES20.glDeleteShader;
import static org.lwjgl.opengles.GLES20.glGetAttribLocation;
import static org.lwjgl.opengles.GLES20.glGetProgramInfoLog;
import static org.lwjgl.opengles.GLES20.glGetProgrami;
import static org.lwjgl.opengles.GLES20.glGetShaderInfoLog;
import static org.lwjgl.opengles.GLES20.glGetShaderi;
import static org.lwjgl.opengles.GLES20.glGetUniformLocation;
import static org.lwjgl.opengles.GLES20.glLinkProgram;
import static org.lwjgl.opengles.GLES20.glShaderSource;

import java.util.HashMap;
import java.util.Map;
import org.nslab.sdk.scene.ShaderLibrary;

/** A linked program of {@code shaders/}; uniform locations are looked up once and cached. */
public final class GlProgram implements AutoCloseable {

    private final String name;
    private final int id;
    private final Map<String, Integer> uniforms = new HashMap<>();

    public GlProgram(ShaderLibrary.Program source) {
        this.name = source.name();
        int vertex = compile(GL_VERTEX_SHADER, source.vertex(), "vertex");
        int fragment;
        try {
            fragment = compile(GL_FRAGMENT_SHADER, source.fragment(), "fragment");
        } catch (RuntimeException e) {
            glDeleteShader(vertex);
            throw e;
        }
        id = glCreateProgram();
        glAttachShader(id, vertex);
        glAttachShader(id, fragment);
        glLinkProgram(id);
        // Flagged for deletion; freed with the program.
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(id, GL_LINK_STATUS) == 0) {
            String log = glGetProgramInfoLog(id).strip();
            glDeleteProgram(id);
            throw new ShaderCompileException("shader '" + name + "' failed to link: " + log);
        }
    }

    private int compile(int type, String text, String stage) {
        int shader = glCreateShader(type);
        glShaderSource(shader, text);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
            String log = glGetShaderInfoLog(shader).strip();
            glDeleteShader(shader);
            throw new ShaderCompileException("shader '" + name + "' (" + stage + ") failed to compile: " + log);
        }
        return shader;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Location of a uniform, -1 when the program does not use it (GL ignores writes to -1). */
    public int uniform(String uniform) {
        return uniforms.computeIfAbsent(uniform, u -> glGetUniformLocation(id, u));
    }

    public int attribute(String attribute) {
        return glGetAttribLocation(id, attribute);
    }

    @Override
    public void close() {
        glDeleteProgram(id);
    }
}
