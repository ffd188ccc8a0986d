package org.nslab.journey.browser;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nslab.sdk.conformance.Chromium;
import org.nslab.sdk.testing.PlatformStack;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Browser timing of the Journey Map (not a test: run with {@code -Dnslab.benchmark=true}, results in
 * {@code target/benchmark.txt}): time to first frame, frame times at 1280×720 with Mesa llvmpipe, and bytes
 * transferred, split into the module's own files, three.js (shared with the shell) and API answers.
 */
@QuarkusTest
@WithTestResource(value = PlatformStack.class, initArgs = @ResourceArg(name = "services", value = "content,simulation"))
@EnabledIfSystemProperty(named = "nslab.benchmark", matches = "true")
class JourneyMapBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = 5;

    @Test
    @SuppressWarnings("unchecked")
    void measure() throws Exception {
        PlatformStack.awaitInCatalogue(1, "journey-map");
        List<Double> firstFrame = new ArrayList<>();
        List<Double> rafMedian = new ArrayList<>();
        List<Double> renderMedian = new ArrayList<>();
        List<Double> costMedian = new ArrayList<>();
        Map<String, Long> bytes = new HashMap<>();
        String renderer = "";
        for (int run = 0; run < RUNS; run++) {
            ChromeDriver driver = Chromium.start(1280, 720, true);
            try {
                String url = PlatformStack.moduleUrl() + "/test-host/index.html?gateway="
                        + URLEncoder.encode(PlatformStack.gatewayUrl(), StandardCharsets.UTF_8) + "&manifest="
                        + URLEncoder.encode(PlatformStack.moduleUrl() + "/journey-map/module.json", StandardCharsets.UTF_8);
                driver.get(url);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> "true".equals(
                        driver.executeScript("const r = document.querySelector('.nslab-jm'); return r && r.dataset.firstFrame")));
                Map<String, Object> m = (Map<String, Object>) driver.executeScript("return window.__host.metrics()");
                firstFrame.add(((Number) m.get("firstFrameAt")).doubleValue());
                Thread.sleep(4500); // past the opening dolly
                List<Number> intervals = (List<Number>) driver.executeAsyncScript("""
                        const done = arguments[arguments.length - 1]; const ts = [];
                        function f(t) { ts.push(t); if (ts.length < 121) requestAnimationFrame(f); else done(ts.slice(1).map((x, i) => x - ts[i])); }
                        requestAnimationFrame(f);""");
                rafMedian.add(median(intervals.stream().map(Number::doubleValue).toList()));
                // the frame's whole cost without the wait for the display's 60 Hz: from the frame's start to the end of
                // rasterizing it, forced by a 1-pixel readPixels in a callback that runs after the module's
                List<Number> costs = (List<Number>) driver.executeAsyncScript("""
                        const done = arguments[arguments.length - 1]; const gl = document.querySelector('.jm-canvas').getContext('webgl2');
                        const px = new Uint8Array(4); const ms = [];
                        function f(t) { gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); ms.push(performance.now() - t);
                          if (ms.length < 60) requestAnimationFrame(f); else done(ms); }
                        requestAnimationFrame(f);""");
                costMedian.add(median(costs.stream().map(Number::doubleValue).toList()));
                Map<String, Object> after = (Map<String, Object>) driver.executeScript("return window.__host.metrics()");
                List<Number> frames = (List<Number>) after.get("frames");
                renderMedian.add(median(frames.subList(Math.max(0, frames.size() - 120), frames.size()).stream().map(Number::doubleValue).toList()));
                renderer = String.valueOf(driver.executeScript("""
                        const gl = document.createElement('canvas').getContext('webgl2'); const e = gl.getExtension('WEBGL_debug_renderer_info');
                        return e ? gl.getParameter(e.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);"""));
                if (run == 0) {
                    bytes = transferred(driver);
                }
            } finally {
                driver.quit();
            }
        }
        String report = String.format(Locale.ROOT, """
                Journey Map in headless Chromium (%s), 1280x720, %d page loads
                time to first frame (navigation start -> first drawn frame), ms: median %.0f, range %.0f-%.0f
                frame interval (requestAnimationFrame, after the dolly), ms: median of medians %.1f, range %.1f-%.1f
                frame cost (frame start -> frame rasterized, forced by a 1-pixel readPixels), ms: median of medians %.1f, range %.1f-%.1f
                render call (CPU side of view.render + label placement), ms: median %.1f
                bytes transferred (first load): %s
                """, renderer, RUNS, median(firstFrame), min(firstFrame), max(firstFrame), median(rafMedian), min(rafMedian),
                max(rafMedian), median(costMedian), min(costMedian), max(costMedian), median(renderMedian), bytes);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark.txt"), report);
    }

    /** Encoded bytes per group from the browser's network log (Network.loadingFinished.encodedDataLength). */
    private static Map<String, Long> transferred(ChromeDriver driver) throws Exception {
        Map<String, String> urls = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            if (method.equals("Network.responseReceived")) {
                urls.put(params.path("requestId").asText(), params.path("response").path("url").asText());
            } else if (method.equals("Network.loadingFinished")) {
                sizes.merge(params.path("requestId").asText(), params.path("encodedDataLength").asLong(), Long::sum);
            }
        }
        Map<String, Long> groups = new java.util.TreeMap<>();
        sizes.forEach((id, size) -> {
            String url = urls.getOrDefault(id, "");
            String group = url.contains("/journey-map/index.js") ? "module entry (index.js)"
                    : url.contains("/journey-map/module.json") ? "module.json"
                    : url.contains("/shaders/") ? "shaders"
                    : url.contains("/graphql") ? "GraphQL answers"
                    : url.contains("/three/") ? "three.js (shared with the shell)"
                    : url.contains("/test-host/") ? "test host page" : "other";
            groups.merge(group, size, Long::sum);
        });
        return groups;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
