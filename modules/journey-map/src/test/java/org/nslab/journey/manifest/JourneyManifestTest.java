package org.nslab.journey.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.manifest.Integrity;
import org.nslab.sdk.manifest.ManifestTemplate;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleManifest;
import org.nslab.sdk.manifest.SemVer;

/** Level 1's manifest template, rendered by the kit's one template mechanism. */
class JourneyManifestTest {

    private static ManifestTemplate template() throws IOException {
        try (InputStream in = JourneyManifestTest.class.getResourceAsStream("/module.template.json")) {
            return ManifestTemplate.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theRenderedManifestPassesTheSdkChecksForThisPlatform() throws IOException {
        byte[] entry = {42};
        ModuleManifest m = template().render("http://127.0.0.1:8091", path -> entry);
        Manifests.Checked checked = Manifests.check(Manifests.toJson(m), SemVer.of(0, 1, 0));
        assertTrue(checked.ok(), checked.diagnostics().toString());
        assertEquals("journey-map", m.id());
        assertEquals(1, m.level());
        assertEquals("http://127.0.0.1:8091/journey-map/index.js", m.entry().url());
        assertEquals("http://127.0.0.1:8091/q/health/ready", m.health());
        assertEquals(Integrity.sha384(entry), m.entry().integrity());
        assertTrue(m.operations().stream().anyMatch(o -> o.name().equals("TrainingPlan")));
        assertTrue(m.shaders().contains("particles.vert"));
    }
}
