package org.nslab.gateway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nslab.sdk.manifest.Diagnostic;
import org.nslab.sdk.manifest.SemVer;

/**
 * The registry's checks on the fixtures in {@code src/test/resources/registry/} (one valid, one invalid per check),
 * with a real loopback HTTP server serving the entry.
 */
class ModuleChecksTest {

    static TestModuleServer server;
    final List<String> fetched = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = TestModuleServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    ModuleChecks checks() {
        ModuleHosts hosts = new ModuleHosts(List.of("127.0.0.1:" + server.port(), "modules.example.org"), InetAddress::getAllByName);
        HttpFetcher http = new HttpFetcher(java.time.Duration.ofSeconds(2), 1 << 20);
        return new ModuleChecks(SemVer.of(0, 1, 0),
                id -> Map.of("journey-map", "client:module-journey-map").entrySet().stream()
                        .filter(e -> e.getKey().equals(id)).map(Map.Entry::getValue).findFirst(),
                hosts, url -> {
                    fetched.add(url);
                    return http.fetch(url);
                },
                shader -> shader.equals("particles/stream.vert"),
                (name, document) -> document.contains("nonexistentField") ? List.of("Field 'nonexistentField' is undefined") : List.of());
    }

    String fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/registry/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${port}", String.valueOf(server.port()))
                    .replace("${integrity}", server.entryIntegrity());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theValidFixturePassesEveryCheckAndItsEntryIsFetchedOnce() {
        ModuleChecks.Report report = checks().check(fixture("valid.json"), "client:module-example");
        assertEquals(List.of(), report.diagnostics());
        assertEquals(List.of("http://127.0.0.1:" + server.port() + "/example/index.js"), fetched);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "invalid-id-ownership.json; id-ownership; /id",
            "invalid-hosts-metadata.json; hosts; /entry/url",
            "invalid-hosts-asset-elsewhere.json; hosts; /assets/0",
            "invalid-entry-unreachable.json; entry; /entry/url",
            "invalid-entry-integrity.json; entry; /entry/integrity",
            "invalid-shaders.json; shaders; /shaders/0",
            "invalid-operations.json; operations; /operations/0/document",
            "invalid-platform-range.json; platform-range; /platform",
            "invalid-semver.json; semver; /version",
            "invalid-schema.json; schema; ''"})
    void eachInvalidFixtureFailsItsNamedCheckWithAnActionableDiagnostic(String name, String check, String pointer) {
        ModuleChecks.Report report = checks().check(fixture(name), "client:module-example");
        assertTrue(report.hasErrors(), name);
        Optional<Diagnostic> finding = report.diagnostics().stream().filter(d -> d.check().equals(check)).findFirst();
        assertTrue(finding.isPresent(), name + ": " + report.diagnostics());
        assertEquals(pointer, finding.get().pointer(), report.diagnostics().toString());
        assertTrue(finding.get().message().length() > 20, finding.get().message());
    }

    @Test
    void anEntryOnAMetadataAddressIsRefusedWithoutBeingFetched() {
        ModuleChecks.Report report = checks().check(fixture("invalid-hosts-metadata.json"), "client:module-example");
        assertEquals(List.of(), fetched);
        assertTrue(report.diagnostics().stream().anyMatch(d -> d.check().equals("entry") && d.message().startsWith("not fetched")));
    }

    @Test
    void theIntegrityDiagnosticGivesTheActualHash() {
        Diagnostic d = checks().check(fixture("invalid-entry-integrity.json"), "client:module-example").diagnostics().stream()
                .filter(x -> x.check().equals("entry")).findFirst().orElseThrow();
        assertTrue(d.message().contains(server.entryIntegrity()), d.message());
    }

    @Test
    void theOwnerOfAnIdMayRegisterItAgain() {
        String json = fixture("invalid-id-ownership.json");
        assertFalse(checks().check(json, "client:module-journey-map").failed("id-ownership"));
    }
}
