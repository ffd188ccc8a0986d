package org.nslab.microscope.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
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
import org.nslab.microscope.stack.GraphQl;
import org.nslab.microscope.stack.PlatformStack;
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
@QuarkusTestResource(value = PlatformStack.class, restrictToAnnotatedClass = false)
class MicroscopeBenchmark {

    private static final int WARM_UP_QUERIES = 400;
    private static final String[] WORDS = "the jury said that it did find the court had been charged by the city and its people".split(" ");

    @Test
    void measure() throws IOException {
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
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            // typing word by word: each word is one input event; the view follows every one
            for (int round = 0; round < 2; round++) {
                for (String w : WORDS) {
                    long before = browser.updates();
                    long drawnBefore = ((Number) browser.js("return microscopeTest.drawn.length")).longValue();
                    // one input event per word (as a paste or an input method commits text), so that every update is
                    // one request: sendKeys would make one input event per character
                    browser.driver.executeCdpCommand("Input.insertText", Map.of("text", w + " "));
                    browser.waitFor("microscopeTest.updates.length > " + before + " && microscopeTest.drawn.length > " + drawnBefore,
                            Duration.ofSeconds(20));
                }
            }
            @SuppressWarnings("unchecked")
            List<Number> ms = (List<Number>) browser.js("return microscopeTest.updates.slice(-" + (WORDS.length) + ").map((u) => u.ms)");
            @SuppressWarnings("unchecked")
            List<Number> drawn = (List<Number>) browser.js("return microscopeTest.drawn.slice(-" + (WORDS.length) + ").map((u) => u.ms)");
            @SuppressWarnings("unchecked")
            List<Number> gql = (List<Number>) browser.js("return microscopeTest.log.graphql.slice(-" + (WORDS.length) + ").map((g) => g.ms)");
            lines.add(summary("prompt typed -> view updated (ms: input event to the end of the DOM and scene update)", ms));
            lines.add(summary("  of which the Microscope query through the gateway (ms)", gql));
            // where the rest goes: the module's own timing of each step (web/src/index.js, detail.phases)
            for (String phase : List.of("decode", "controls", "table", "gallery", "panels", "scene", "render")) {
                @SuppressWarnings("unchecked")
                List<Number> values = (List<Number>) browser.js("return microscopeTest.updates.slice(-" + WORDS.length
                        + ").map((u) => u.phases?.['" + phase + "'] ?? 0)");
                lines.add(summary("  step " + phase + " (ms)", values));
            }
            lines.add(summary("prompt typed -> first frame of the new view issued (ms, next animation frame)", drawn));
            @SuppressWarnings("unchecked")
            List<Number> firstFrame = (List<Number>) browser.js("return microscopeTest.drawn.slice(-" + (WORDS.length) + ").map((u) => u.firstFrame ?? 0)");
            lines.add(summary("  of which drawing that first frame (ms: the view's render call, GPU uploads included)", firstFrame));
            @SuppressWarnings("unchecked")
            List<Number> painted = (List<Number>) browser.js("return microscopeTest.drawn.slice(-" + (WORDS.length) + ").map((u) => u.painted ?? 0)");
            lines.add(summary("prompt typed -> that frame's style, layout and paint done (ms: a task posted from the frame)", painted));
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

    /**
     * Services in use are warm: before the page is measured, the module's own {@code Microscope} document goes
     * through the gateway as a guest {@value #WARM_UP_QUERIES} times, with the prompts the benchmark will type, so that
     * the measurement is of JIT-compiled services rather than of their first hundred requests.
     */
    private static String warmUp() {
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
        long started = System.nanoTime();
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < WARM_UP_QUERIES; i++) {
            if (i % WORDS.length == 0 && prompt.length() > 120) {
                prompt.setLength(0);
            }
            prompt.append(WORDS[i % WORDS.length]).append(' ');
            String answer = GraphQl.post(endpoint, guest, document, Map.of("input", Map.of("prompt", prompt.toString(), "head", 0, "top", 5)));
            if (!answer.contains("\"packedAttention\"")) {
                throw new IllegalStateException("warm-up query failed: " + answer.substring(0, Math.min(300, answer.length())));
            }
        }
        return String.format(Locale.ROOT, "services warmed up: %d Microscope queries through the gateway in %.1f s", WARM_UP_QUERIES,
                (System.nanoTime() - started) / 1e9);
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
