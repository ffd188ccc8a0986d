package org.nslab.journey.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.manifest.Diagnostic;
import org.nslab.sdk.manifest.Integrity;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleManifest;
import org.nslab.sdk.manifest.SemVer;

class JourneyManifestTest {

    private static String template() throws IOException {
        try (InputStream in = JourneyManifest.class.getResourceAsStream(JourneyManifest.TEMPLATE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void urlsMoveToThePublicAddressAndTheEntryCarriesTheHashOfItsBytes() throws IOException {
        byte[] entry = "export async function mount() {} export async function unmount() {}".getBytes(StandardCharsets.UTF_8);
        ModuleManifest m = JourneyManifest.build("http://modules.example:9000/", template(), entry);
        assertEquals("http://modules.example:9000/journey-map/index.js", m.entry().url());
        assertEquals("http://modules.example:9000/q/health/ready", m.health());
        assertEquals(Integrity.sha384(entry), m.entry().integrity());
        assertTrue(Integrity.matches(m.entry().integrity(), entry));
        assertEquals(1, m.level());
        assertEquals("journey-map", m.id());
    }

    @Test
    void anotherEntryGivesAnotherHash() throws IOException {
        ModuleManifest a = JourneyManifest.build("http://127.0.0.1:8091", template(), new byte[] {1});
        ModuleManifest b = JourneyManifest.build("http://127.0.0.1:8091", template(), new byte[] {2});
        assertNotEquals(a.entry().integrity(), b.entry().integrity());
    }

    @Test
    void theBuiltManifestPassesTheSdkChecksForThisPlatform() throws IOException {
        ModuleManifest m = JourneyManifest.build("http://127.0.0.1:8091", template(), new byte[] {42});
        Manifests.Checked checked = Manifests.check(Manifests.toJson(m), SemVer.of(0, 1, 0));
        assertTrue(checked.diagnostics().stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR), checked.diagnostics().toString());
        assertTrue(m.operations().stream().anyMatch(o -> o.name().equals("TrainingPlan")));
        assertTrue(m.shaders().contains("particles.vert"));
    }

    @Test
    void aRelativePublicUrlIsRefused() throws IOException {
        String template = template();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JourneyManifest.build("journey-map.local", template, new byte[] {1}));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }
}
