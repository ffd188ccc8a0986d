package org.nslab.microscope.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.testing.GraphQl;
import org.nslab.sdk.testing.PlatformStack;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * Measurements, not a test (not matched by Surefire's default includes; run with -Dtest=MicroscopeBenchmark):
 * prompt typed → view updated (input event to the end of the DOM and scene update, through the real gateway and
 * simulation service), and frame time while animating at 1280×720 in headless Chromium with Mesa llvmpipe.
 * Results go to target/benchmark.txt and the console.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformStack.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "services", value = "simulation"), @ResourceArg(name = "reference-model", value = "ready")})
class MicroscopeBenchmark {

    private static final int WARM_UP_QUERIES = 400;
    private static final int PASSES = 4;
    private static final String[] WORDS = "the jury said that it did find the court had been charged by the city and its people".split(" ");

    @Test
    void measure() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1400, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
            browser.open(false);
            String renderer = (String) browser.js("""
                    const gl = document.createElement('canvas').getContext('webgl2');
                    const ext = gl.getExtension('WEBGL_debug_renderer_info');
                    const name = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
                    gl.getExtension('WEBGL_lose_context')?.loseContext();
                    return name;""");
            lines.add("WebGL renderer: " + renderer);
            lines.add(warmUp());
            WebElement input = browser.driver.findElement(By.id("nsm-prompt"));
            browser.js("microscopeTest.measured = []");
            // typing word by word: each word is one input event; the view follows every one. Each pass types the
            // words twice from an empty prompt (up to 51 tokens); the updates of the second half of passes 2 to
            // PASSES are measured (the first pass warms the page up)
            for (int pass = 0; pass < PASSES; pass++) {
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                for (int round = 0; round < 2; round++) {
                    for (String w : WORDS) {
                        long before = browser.updates();
                        long drawnBefore = ((Number) browser.js("return microscopeTest.drawn.length")).longValue();
                        // one input event per word (as a paste or an input method commits text), so that every update
                        // is one request: sendKeys would make one input event per character
                        browser.driver.executeCdpCommand("Input.insertText", Map.of("text", w + " "));
                        browser.waitFor("microscopeTest.updates.length > " + before + " && microscopeTest.drawn.length > " + drawnBefore,
                                Duration.ofSeconds(20));
                        if (pass > 0 && round == 1) {
                            browser.js("microscopeTest.measured.push({ update: microscopeTest.updates.at(-1), drawn: microscopeTest.drawn.at(-1),"
                                    + " query: microscopeTest.log.graphql.at(-1).ms })");
                        }
                    }
                }
            }
            lines.add(summary("prompt typed -> view updated (ms: input event to the end of the query, controls and scene update)",
                    measured(browser, "m.update.view")));
            lines.add(summary("  of which the Microscope query through the gateway (ms)", measured(browser, "m.query")));
            // where the rest goes: the module's own timing of each step (web/src/index.js, detail.phases)
            for (String phase : List.of("decode", "controls", "table", "gallery", "panels", "scene", "render")) {
                lines.add(summary("  step " + phase + " (ms)", measured(browser, "m.update.phases?.['" + phase + "'] ?? 0")));
            }
            lines.add(summary("prompt typed -> first frame of the new view issued (ms, next animation frame)", measured(browser, "m.drawn.ms")));
            lines.add(summary("  of which drawing that first frame (ms: the view's render call, GPU uploads included)",
                    measured(browser, "m.drawn.firstFrame ?? 0")));
            lines.add(summary("prompt typed -> that frame's style, layout and paint done (ms: a task posted from the frame)",
                    measured(browser, "m.drawn.painted ?? 0")));
            lines.add(summary("prompt typed -> the panel below the view updated too (ms: weights table and gallery, after that frame)",
                    measured(browser, "m.update.ms")));
            lines.add("  prompt tokens at the end: " + browser.js("return document.querySelectorAll('.nsm-token').length"));
            lines.add("  answer size at the end (characters of JSON): " + browser.js("return microscopeTest.log.lastBytes ?? 'n/a'"));

            // frame time while animating the attention view at 1280×720
            @SuppressWarnings("unchecked")
            List<Number> frames = (List<Number>) browser.jsAsync("""
                    const done = arguments[0];
                    const times = [];
                    let last = performance.now();
                    const end = last + 5000;
                    function tick(now) {
                      times.push(now - last); last = now;
                      if (now < end) requestAnimationFrame(tick); else done(times.slice(1));
                    }
                    requestAnimationFrame(tick);""");
            lines.add(summary("frame interval while animating at 1280x720 (ms)", frames));
            lines.add(String.format(Locale.ROOT, "  frames per second: %.1f", 1000.0 / mean(frames)));
            lines.add("  canvas: " + browser.js("const c = document.querySelector('.nsm canvas'); return c.width + 'x' + c.height"));
            // the same query from a Java client while the view animates and with the module unmounted: how much of
            // the query's time in the page is the software rasterizer (Chromium's GPU process) taking the 2 cores
            lines.add(summary("Microscope query (51 tokens) from a Java client while the view animates (ms)", queriesFromJava(40)));
            browser.jsAsync("const done = arguments[0]; microscopeTest.unmount().then(() => done(true), (e) => done(String(e)));");
            Thread.sleep(1000);
            lines.add(summary("  the same with the module unmounted (no WebGL drawing) (ms)", queriesFromJava(40)));
            browser.jsAsync("const done = arguments[0]; microscopeTest.mount().then(() => done(true), (e) => done(String(e)));");
            browser.waitFor("microscopeTest.liveContexts() === 1 && document.querySelector('.nsm canvas')", Duration.ofSeconds(30));
            Thread.sleep(2000);
            // a picture of the attention view and of the feed-forward view, for people reviewing the module
            Path target = PlatformStack.root().resolve("modules/component-microscope/target");
            Files.write(target.resolve("attention-view.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
            browser.driver.findElement(By.id("nsm-tab-feed-forward")).click();
            browser.js("window.scrollTo(0, 0)");
            Files.write(target.resolve("feed-forward-view.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        }
        String text = String.join("\n", lines);
        System.out.println("\n=== Component Microscope benchmark ===\n" + text + "\n");
        Files.writeString(PlatformStack.root().resolve("modules/component-microscope/target/benchmark.txt"), text + "\n");
    }

    /** The module's own {@code Microscope} document (its manifest) sent through the gateway as a guest. */
    private record MicroscopeQuery(String endpoint, String guest, String document) {

        static MicroscopeQuery create() {
            JsonNode manifest = GraphQl.json(PlatformStack.moduleUrl() + "/component-microscope/module.json");
            String document = null;
            for (JsonNode operation : manifest.path("operations")) {
                if ("Microscope".equals(operation.path("name").asText())) {
                    document = operation.path("document").asText();
                }
            }
            String endpoint = PlatformStack.gatewayUrl() + "/graphql";
            String guest = "Guest " + GraphQl.tree(endpoint, null, "mutation { startGuestSession { token } }", Map.of())
                    .path("data").path("startGuestSession").path("token").asText();
            return new MicroscopeQuery(endpoint, guest, document);
        }

        /** Sends the query; returns its wall time in milliseconds. */
        double send(String prompt) {
            long started = System.nanoTime();
            String answer = GraphQl.post(endpoint, guest, document, Map.of("input", Map.of("prompt", prompt, "head", 0, "top", 5)));
            double ms = (System.nanoTime() - started) / 1e6;
            if (!answer.contains("\"packedAttention\"")) {
                throw new IllegalStateException("the Microscope query failed: " + answer.substring(0, Math.min(300, answer.length())));
            }
            return ms;
        }
    }

    /**
     * Services in use are warm: before the page is measured, the module's own {@code Microscope} document goes
     * through the gateway {@value #WARM_UP_QUERIES} times, with the prompts the benchmark will type, so that the
     * measurement is of JIT-compiled services rather than of their first hundred requests.
     */
    private static String warmUp() {
        MicroscopeQuery query = MicroscopeQuery.create();
        long started = System.nanoTime();
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < WARM_UP_QUERIES; i++) {
            if (i % WORDS.length == 0 && prompt.length() > 120) {
                prompt.setLength(0);
            }
            prompt.append(WORDS[i % WORDS.length]).append(' ');
            query.send(prompt.toString());
        }
        return String.format(Locale.ROOT, "services warmed up: %d Microscope queries through the gateway in %.1f s", WARM_UP_QUERIES,
                (System.nanoTime() - started) / 1e9);
    }

    /** The 51-token query sent {@code n} times, one every 200 ms, from this JVM: its latency without the page's part. */
    private static List<Number> queriesFromJava(int n) throws InterruptedException {
        MicroscopeQuery query = MicroscopeQuery.create();
        String prompt = String.join(" ", WORDS) + " " + String.join(" ", WORDS);
        List<Number> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ms.add(query.send(prompt));
            Thread.sleep(200);
        }
        return ms;
    }

    /** One number of every measured update: {@code expression} of {@code m} (update, drawn, query). */
    @SuppressWarnings("unchecked")
    private static List<Number> measured(Browser browser, String expression) {
        return (List<Number>) browser.js("return microscopeTest.measured.map((m) => " + expression + ")");
    }

    private static double mean(List<Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
    }

    private static String summary(String what, List<Number> values) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "%s: n=%d median %.1f, p90 %.1f, max %.1f, mean %.1f", what, v.length,
                v[v.length / 2], v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.9) - 1)], v[v.length - 1], Arrays.stream(v).average().orElse(0));
    }
}
