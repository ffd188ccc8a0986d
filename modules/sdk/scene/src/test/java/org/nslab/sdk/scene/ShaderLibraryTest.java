package org.nslab.sdk.scene;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShaderLibraryTest {

    @Test
    void everyProgramOfTheSharedFolderLoadsWithItsVersionLineAndIncludes() {
        ShaderLibrary library = new ShaderLibrary(List.of(Path.of("../../../shaders")));
        assertTrue(library.names().containsAll(List.of("background", "mesh", "particles", "heatmap", "terrain")), library.names().toString());
        for (String name : library.names()) {
            ShaderLibrary.Program p = library.program(name, ShaderLibrary.GLES3);
            assertTrue(p.vertex().startsWith("#version 300 es\n"));
            assertFalse(p.fragment().contains("#include"), name);
            assertFalse(p.vertex().substring(1).contains("#version"), name + " must not carry its own #version line");
        }
        assertTrue(library.program("terrain", ShaderLibrary.GL33).fragment().contains("vec3 colormap(int map, float value)"));
    }

    @Test
    void unknownNamesAndMissingIncludesAreNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("odd.vert"), "#include \"missing.glsl\"\nvoid main() {}\n");
        Files.writeString(dir.resolve("odd.frag"), "void main() {}\n");
        ShaderLibrary library = new ShaderLibrary(List.of(dir));
        assertTrue(library.exists("odd"));
        assertFalse(library.exists("nope"));
        assertFalse(library.exists("../etc/passwd"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> library.program("odd", ShaderLibrary.GLES3)).getMessage()
                .contains("missing.glsl"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> library.program("nope", ShaderLibrary.GLES3)).getMessage()
                .contains("unknown shader 'nope'"));
    }
}
