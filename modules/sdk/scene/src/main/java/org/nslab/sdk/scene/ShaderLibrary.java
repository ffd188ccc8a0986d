package org.nslab.sdk.scene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaders of {@code shaders/}: a program {@code name} is {@code name.vert} + {@code name.frag}, written
 * without a {@code #version} line; {@code #include "file.glsl"} lines are replaced by that file (once, no
 * nesting). Each context prepends its own version line: {@code #version 300 es} for WebGL2 and GLES 3,
 * {@code #version 330 core} for desktop GL. The JS runtime ({@code js/src/shaders.js}) does the same.
 *
 * <p>Shaders are looked up in the given directories first, then on the class path under {@code shaders/}
 * (the copy this module's jar carries).
 */
public final class ShaderLibrary {

    public static final String GLES3 = "#version 300 es\n";
    public static final String GL33 = "#version 330 core\n";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern INCLUDE = Pattern.compile("(?m)^#include \"([a-z0-9][a-z0-9-]{0,63}\\.glsl)\"[ \\t]*$");

    public enum Stage { vert, frag }

    public record Program(String name, String vertex, String fragment) {
    }

    private final List<Path> directories;

    public ShaderLibrary(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    public static ShaderLibrary classpath() {
        return new ShaderLibrary(List.of());
    }

    public boolean exists(String name) {
        return NAME.matcher(name).matches() && read(name + ".vert").isPresent() && read(name + ".frag").isPresent();
    }

    /**
     * The program's two sources with {@code versionLine} prepended.
     *
     * @throws IllegalArgumentException naming the missing shader
     */
    public Program program(String name, String versionLine) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid shader name '" + name + "'");
        }
        return new Program(name, versionLine + body(name, Stage.vert), versionLine + body(name, Stage.frag));
    }

    /** One stage's body, includes expanded, without a version line. */
    public String body(String name, Stage stage) {
        String file = name + "." + stage;
        String text = read(file).orElseThrow(() -> new IllegalArgumentException("unknown shader '" + name + "' (no " + file + ")"));
        Matcher m = INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String included = read(m.group(1)).orElseThrow(() -> new IllegalArgumentException(
                    file + " includes " + m.group(1) + ", which does not exist"));
            m.appendReplacement(out, Matcher.quoteReplacement(included));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Names of every program found (both stages present), for documentation and diagnostics. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Path dir : directories) {
            try (var files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".vert"))
                        .map(f -> f.substring(0, f.length() - 5)).filter(this::exists).filter(n -> !names.contains(n)).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private Optional<String> read(String file) {
        for (Path dir : directories) {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                try {
                    return Optional.of(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        try (InputStream in = ShaderLibrary.class.getResourceAsStream("/shaders/" + file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
