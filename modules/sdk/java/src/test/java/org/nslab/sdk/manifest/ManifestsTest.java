package org.nslab.sdk.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestsTest {

    static final SemVer PLATFORM = SemVer.of(0, 1, 0);

    static String fixture(String name) {
        try (InputStream in = ManifestsTest.class.getResourceAsStream("/manifests/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid-full.json", "valid-minimal.json"})
    void validManifestsPassEveryDocumentCheckAndReadIntoTheModel(String name) {
        Manifests.Checked checked = Manifests.check(fixture(name), PLATFORM);
        assertEquals(List.of(), checked.diagnostics());
        assertTrue(checked.ok());
        assertTrue(checked.manifest().isPresent());
    }

    @Test
    void theFullManifestKeepsEveryPartAndWritesBackToAnEquivalentDocument() {
        ModuleManifest manifest = Manifests.parse(fixture("valid-full.json"));
        assertEquals("token-garden", manifest.id());
        assertEquals(2, manifest.level());
        assertEquals("Me", manifest.operations().get(0).name());
        assertEquals(List.of("pair-counts"), manifest.stages().get(0).components());
        assertEquals("Token-Garten", manifest.translations().get("de").get("name"));
        assertEquals("http://127.0.0.1:35099/token-garden/health", manifest.healthUrl());
        assertEquals(manifest, Manifests.parse(Manifests.toJson(manifest)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "invalid-json-truncated.json | json | ''",
            "invalid-schema-unknown-field.json | schema | ''",
            "invalid-schema-level-out-of-range.json | schema | /level",
            "invalid-schema-missing-entry.json | schema | ''",
            "invalid-schema-integrity-not-sha384.json | schema | /entry/integrity",
            "invalid-schema-bad-id.json | schema | /id",
            "invalid-schema-entry-not-http.json | schema | /entry/url",
            "invalid-semver.json | semver | /version",
            "invalid-platform-range-syntax.json | platform-range | /platform",
            "invalid-platform-range-excludes-platform.json | platform-range | /platform"})
    void eachInvalidFixtureIsRejectedByItsNamedCheckPointingAtTheField(String name, String check, String pointer) {
        Manifests.Checked checked = Manifests.check(fixture(name), PLATFORM);
        assertFalse(checked.ok());
        assertTrue(checked.manifest().isEmpty());
        Diagnostic first = checked.diagnostics().get(0);
        assertEquals(check, first.check(), checked.diagnostics().toString());
        assertEquals(pointer, first.pointer(), checked.diagnostics().toString());
        assertFalse(first.message().isBlank());
    }

    @Test
    void anUnknownFieldIsNamedInTheDiagnostic() {
        Diagnostic d = Manifests.check(fixture("invalid-schema-unknown-field.json"), PLATFORM).diagnostics().get(0);
        assertTrue(d.message().contains("colour"), d.message());
    }

    @Test
    void theRangeCheckSaysWhichPlatformVersionIsOutside() {
        Diagnostic d = Manifests.check(fixture("invalid-platform-range-excludes-platform.json"), PLATFORM).diagnostics().get(0);
        assertTrue(d.message().contains("0.1.0") && d.message().contains(">=2.0.0"), d.message());
        assertTrue(Manifests.check(fixture("invalid-platform-range-excludes-platform.json"), null).ok(), "no platform: syntax only");
    }

    @Test
    void oversizedManifestsAreRefusedBeforeParsing() {
        String huge = "{\"id\":\"" + "a".repeat(Manifests.MAX_BYTES) + "\"}";
        assertEquals("json", Manifests.check(huge, PLATFORM).diagnostics().get(0).check());
    }

    @Test
    void integrityIsTheSriSha384OfTheBytes() {
        // SHA-384 of "alert('Hello, world.');" as given in the W3C Subresource Integrity specification
        String sri = Integrity.sha384("alert('Hello, world.');".getBytes(StandardCharsets.UTF_8));
        assertEquals("sha384-H8BRh8j48O9oYatfu5AZzq6A9RINhZO5H16dQZngK7T62em8MUt1FLm52t+eX6xO", sri);
        assertTrue(Integrity.matches(sri, "alert('Hello, world.');".getBytes(StandardCharsets.UTF_8)));
        assertFalse(Integrity.matches(sri, "alert('Hello, world!');".getBytes(StandardCharsets.UTF_8)));
    }
}
