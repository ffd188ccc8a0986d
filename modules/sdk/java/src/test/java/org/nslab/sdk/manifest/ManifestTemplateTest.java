package org.nslab.sdk.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTemplateTest {

    private static ManifestTemplate template() throws IOException {
        try (InputStream in = ManifestTemplateTest.class.getResourceAsStream("/templates/module.template.json")) {
            return ManifestTemplate.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyUrlMovesToThePublicAddressAndTheEntryCarriesTheHashOfTheBytesServedAtItsPath() throws IOException {
        byte[] entry = "export async function mount() {} export async function unmount() {}".getBytes(StandardCharsets.UTF_8);
        List<String> asked = new ArrayList<>();
        ModuleManifest m = template().render("http://modules.example:9000/", path -> {
            asked.add(path);
            return entry;
        });
        assertEquals(List.of("/template-example/index.js"), asked);
        assertEquals("http://modules.example:9000/template-example/index.js", m.entry().url());
        assertEquals("http://modules.example:9000/q/health/ready", m.health());
        assertEquals(List.of("http://modules.example:9000/template-example/seed.bin"), m.assets());
        assertEquals("http://modules.example:9000/template-example/poster.png", m.poster().url());
        assertEquals(Integrity.sha384(entry), m.entry().integrity());
        assertTrue(Manifests.check(Manifests.toJson(m), SemVer.of(0, 1, 0)).ok());
    }

    @Test
    void anotherEntryGivesAnotherHash() throws IOException {
        ModuleManifest a = template().render("http://127.0.0.1:8095", path -> new byte[] {1});
        ModuleManifest b = template().render("http://127.0.0.1:8095", path -> new byte[] {2});
        assertNotEquals(a.entry().integrity(), b.entry().integrity());
    }

    @Test
    void theEntryPathIsKnownBeforeRendering() throws IOException {
        assertEquals("/template-example/index.js", template().entryPath());
    }

    @Test
    void aRelativePublicUrlIsRefused() throws IOException {
        ManifestTemplate template = template();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> template.render("modules.local", path -> new byte[] {1}));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void aMissingEntrySaysToBuildTheFrontEnd() throws IOException {
        ManifestTemplate template = template();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> template.render("http://127.0.0.1:8095", path -> null));
        assertTrue(e.getMessage().contains("/template-example/index.js"), e.getMessage());
    }

    @Test
    void aTemplateWithoutThePlaceholdersIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManifestTemplate.of(
                "{\"entry\": {\"url\": \"http://127.0.0.1:8095/x/index.js\", \"integrity\": \"sha384-x\"}}"));
        assertTrue(e.getMessage().contains("${publicUrl}"), e.getMessage());
    }
}
