package org.nslab.renderer.gl;

import java.util.HashMap;
import java.util.Map;
import org.nslab.sdk.scene.ShaderLibrary;

/**
 * The compiled programs of one GL context, keyed by name and source text (an edited shader file is
 * compiled again; the old program is deleted). Closed with its context, on the context's thread.
 */
public final class ProgramCache implements AutoCloseable {

    private final ShaderLibrary library;
    private final Map<String, GlProgram> programs = new HashMap<>();
    private final Map<String, ShaderLibrary.Program> sources = new HashMap<>();

    public ProgramCache(ShaderLibrary library) {
        this.library = library;
    }

    /** @throws ShaderCompileException when the program does not compile; IllegalArgumentException when unknown */
    public GlProgram get(String name) {
        ShaderLibrary.Program source = library.program(name, ShaderLibrary.GLES3);
        GlProgram cached = programs.get(name);
        if (cached != null && source.equals(sources.get(name))) {
            return cached;
        }
        GlProgram program = new GlProgram(source);
        if (cached != null) {
            cached.close();
        }
        programs.put(name, program);
        sources.put(name, source);
        return program;
    }

    public int size() {
        return programs.size();
    }

    @Override
    public void close() {
        programs.values().forEach(GlProgram::close);
        programs.clear();
        sources.clear();
    }
}
