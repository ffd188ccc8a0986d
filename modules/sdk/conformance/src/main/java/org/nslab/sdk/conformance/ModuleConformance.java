package org.nslab.sdk.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.nslab.sdk.manifest.Diagnostic;
import org.nslab.sdk.manifest.Integrity;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleCheck;
import org.nslab.sdk.manifest.ModuleManifest;
import org.nslab.sdk.manifest.SemVer;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The module conformance kit. Point it at a module's {@code module.json} and the folder holding the files its entry
 * URL names; it serves that folder on a loopback port (at the entry URL's path), and runs the named checks:
 * {@code manifest} (every document check, against the platform version), {@code entry-integrity} (the served
 * entry matches its SRI hash), {@code loads} (the entry imports in headless Chromium and exports mount/unmount),
 * {@code mount-unmount} (no errors, nothing left in the element), {@code webgl-contexts} (every WebGL context it
 * created is released at unmount: {@code WEBGL_lose_context}, or three.js {@code renderer.forceContextLoss()}),
 * {@code events} (every learning event valid against the contract), {@code operations} (only declared GraphQL
 * operations called) and {@code accessibility} (no serious or critical axe-core violations).
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> conformance() {
 *     return ModuleConformance.of(Path.of("module.json"), Path.of("web")).dynamicTests();
 * }
 * }</pre>
 */
public final class ModuleConformance {

    /** The platform version the kit checks against by default. */
    public static final String PLATFORM_VERSION = "0.1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One named check's outcome. */
    public record Check(String name, boolean passed, String detail) {
    }

    private final Path manifestFile;
    private final Path content;
    private SemVer platform = SemVer.parse(PLATFORM_VERSION).orElseThrow();

    private ModuleConformance(Path manifestFile, Path content) {
        this.manifestFile = manifestFile;
        this.content = content;
    }

    /** @param content the folder served at the directory of the entry URL's path */
    public static ModuleConformance of(Path manifestFile, Path content) {
        return new ModuleConformance(manifestFile, content);
    }

    public ModuleConformance platformVersion(String version) {
        this.platform = SemVer.parse(version).orElseThrow(() -> new IllegalArgumentException(version + " is not a semantic version"));
        return this;
    }

    /** Every check as a JUnit dynamic test named after it. */
    public Stream<DynamicTest> dynamicTests() {
        List<Check> checks = run();
        return checks.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            if (!c.passed()) {
                throw new AssertionError(c.name() + ": " + c.detail());
            }
        }));
    }

    /** Runs every check; a check that cannot run because an earlier one failed reports that. */
    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        String json;
        try {
            json = Files.readString(manifestFile);
        } catch (IOException e) {
            checks.add(new Check(ModuleCheck.MANIFEST.id(), false, "cannot read " + manifestFile + ": " + e.getMessage()));
            return checks;
        }
        Manifests.Checked checked = Manifests.check(json, platform);
        checks.add(new Check(ModuleCheck.MANIFEST.id(), checked.ok(), checked.ok() ? "valid" : describe(checked.diagnostics())));
        if (checked.manifest().isEmpty()) {
            return checks;
        }
        ModuleManifest manifest = checked.manifest().get();
        URI entry = URI.create(manifest.entry().url());
        String entryPath = entry.getPath();
        String base = entryPath.substring(0, entryPath.lastIndexOf('/') + 1);
        Path entryFile = content.resolve(entryPath.substring(base.length()));
        try {
            byte[] bytes = Files.readAllBytes(entryFile);
            boolean ok = Integrity.matches(manifest.entry().integrity(), bytes);
            checks.add(new Check(ModuleCheck.ENTRY_INTEGRITY.id(), ok, ok ? "matches" : "the entry " + entryFile + " has integrity "
                    + Integrity.sha384(bytes) + ", the manifest says " + manifest.entry().integrity()));
        } catch (IOException e) {
            checks.add(new Check(ModuleCheck.ENTRY_INTEGRITY.id(), false, "no entry file " + entryFile));
            return checks;
        }
        try (Served served = serve(manifest, base)) {
            checks.addAll(browserChecks(served.origin + entryPath));
        } catch (IOException e) {
            checks.add(new Check(ModuleCheck.LOADS.id(), false, "cannot serve the module: " + e.getMessage()));
        }
        return checks;
    }

    private List<Check> browserChecks(String entryUrl) {
        List<Check> checks = new ArrayList<>();
        ChromeDriver chrome = Chromium.start(1280, 720);
        try {
            chrome.get(entryUrl.replaceFirst("(https?://[^/]+).*", "$1") + "/__kit/harness.html");
            new WebDriverWait(chrome, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(chrome.executeScript("return window.__nslab && window.__nslab.done")));
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) chrome.executeScript("return window.__nslab");
            List<?> errors = (List<?>) r.get("errors");
            List<?> contract = (List<?>) r.get("contract");
            String phase = String.valueOf(r.get("phase"));
            boolean loaded = contract.isEmpty() && !(phase.equals("import") && !errors.isEmpty());
            checks.add(new Check(ModuleCheck.LOADS.id(), loaded, loaded ? "imports and exports mount/unmount" : contract.isEmpty() ? errors.toString() : contract.toString()));
            if (!loaded) {
                return checks;
            }
            long leftover = ((Number) r.get("leftoverNodes")).longValue();
            checks.add(new Check(ModuleCheck.MOUNT_UNMOUNT.id(), errors.isEmpty() && leftover == 0, errors.isEmpty()
                    ? (leftover == 0 ? "no errors" : leftover + " nodes left in the element after unmount") : "errors: " + errors));
            long leaked = ((Number) r.get("leakedContexts")).longValue();
            checks.add(new Check(ModuleCheck.WEBGL_CONTEXTS.id(), leaked == 0, leaked == 0 ? r.get("contexts") + " created, all released"
                    : leaked + " of " + r.get("contexts") + " WebGL contexts still alive after unmount (call WEBGL_lose_context.loseContext() or renderer.forceContextLoss())"));
            List<?> invalid = (List<?>) r.get("invalidEvents");
            checks.add(new Check(ModuleCheck.EVENTS.id(), invalid.isEmpty(), invalid.isEmpty() ? ((List<?>) r.get("events")).size() + " valid events"
                    : "invalid learning events: " + invalid));
            List<?> undeclared = (List<?>) r.get("undeclared");
            checks.add(new Check(ModuleCheck.OPERATIONS.id(), undeclared.isEmpty(), undeclared.isEmpty() ? "only declared operations"
                    : "called undeclared operations " + undeclared + "; declare them in module.json"));
            List<String> serious = ((List<?>) r.get("axe")).stream().map(v -> (Map<?, ?>) v)
                    .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                    .map(v -> v.get("id") + " (" + v.get("impact") + ", " + v.get("nodes") + " nodes): " + v.get("help")).toList();
            checks.add(new Check(ModuleCheck.ACCESSIBILITY.id(), serious.isEmpty(), serious.isEmpty() ? "no serious axe-core violations" : String.join("; ", serious)));
        } finally {
            chrome.quit();
        }
        return checks;
    }

    private record Served(HttpServer server, String origin) implements AutoCloseable {
        @Override
        public void close() {
            server.stop(0);
        }
    }

    private Served serve(ModuleManifest manifest, String base) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("id", manifest.id());
        config.put("version", manifest.version());
        config.put("level", manifest.level());
        config.put("operations", manifest.operations());
        config.put("shaders", manifest.shaders());
        config.put("integrity", manifest.entry().integrity());
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        config.put("entryUrl", origin + URI.create(manifest.entry().url()).getPath());
        byte[] configJson = JSON.writeValueAsBytes(config);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body = null;
            String type = "application/octet-stream";
            if (path.equals("/__kit/config.json")) {
                body = configJson;
                type = "application/json";
            } else if (path.startsWith("/__kit/") && !path.contains("..")) {
                try (InputStream in = ModuleConformance.class.getResourceAsStream("/org/nslab/sdk/conformance/" + path.substring(7))) {
                    body = in == null ? null : in.readAllBytes();
                }
            } else if (path.startsWith(base) && !path.contains("..")) {
                Path file = content.resolve(path.substring(base.length())).normalize();
                if (file.startsWith(content.normalize()) && Files.isRegularFile(file)) {
                    body = Files.readAllBytes(file);
                }
            }
            if (path.endsWith(".js")) type = "text/javascript";
            else if (path.endsWith(".html")) type = "text/html";
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.getResponseHeaders().add("Content-Type", type + (type.startsWith("text") ? "; charset=utf-8" : ""));
                ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        return new Served(server, origin);
    }

    private static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.check() + " " + d.pointer() + ": " + d.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }

}
