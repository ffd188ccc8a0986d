package org.nslab.microscope.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nslab.sdk.testing.GraphQl;
import org.nslab.sdk.testing.PlatformStack;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The module in headless Chromium, mounted by a test page with a host built from the browser SDK, talking to
 * the real gateway and simulation service. Numbers on screen are compared with the simulation's own trace.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformStack.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "services", value = "simulation"), @ResourceArg(name = "reference-model", value = "ready")})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicroscopeBrowserTests {

    private static final String INSPECT = """
            query Inspect($input: InspectInput!) { inspect(input: $input) {
              inspection { tokens { id text } layer position attention { head weights } }
              userErrors { field message } } }""";
    private static final String SHAPE = """
            query Shape($input: MicroscopeInput!) { microscope(input: $input) { microscope { model { layers heads } } } }""";
    private static final String ATLAS = """
            query Atlas($input: NeuronAtlasInput!) { neuronAtlas(input: $input) { neuronAtlas { snippets { activation index tokens { text } } } } }""";
    private static final Set<String> PATTERNS = Set.of("previous-token", "first-token", "self", "broad", "mixed", "single-token");

    private Browser browser;
    private String serviceToken;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
        serviceToken = "Bearer " + PlatformStack.serviceToken();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    private JsonNode simulation(String query, Map<String, Object> variables) {
        JsonNode answer = GraphQl.tree(PlatformStack.simulationUrl() + "/graphql", serviceToken, query, variables);
        assertFalse(answer.has("errors"), answer::toString);
        return answer.path("data");
    }

    private int[] focus() {
        String[] parts = ((String) browser.js("return document.querySelector('.nsm').dataset.focus")).split(",");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    private void typePrompt(String prompt) {
        WebElement input = browser.driver.findElement(By.id("nsm-prompt"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(prompt);
        browser.waitFor("microscopeTest.updates.length && microscopeTest.updates.at(-1).prompt === " + quote(prompt), Duration.ofSeconds(30));
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Every cell of the weights table against the simulation's trace of the prompt (the view's layer and focus). */
    private JsonNode assertTableIsTheTrace(String prompt) {
        int[] f = focus();
        @SuppressWarnings("unchecked")
        List<List<Object>> cells = (List<List<Object>>) browser.js("""
                return [...document.querySelectorAll('table[role=grid] td[data-weight]')]
                  .map((td) => [Number(td.dataset.q), Number(td.dataset.k), td.dataset.weight, td.textContent]);""");
        JsonNode trace = simulation(INSPECT, Map.of("input", Map.of("prompt", prompt, "layer", f[0], "position", f[2])))
                .path("inspect").path("inspection");
        JsonNode weights = trace.path("attention").path(f[1]).path("weights");
        int t = trace.path("tokens").size();
        assertEquals(t * t, cells.size(), "one table cell per query × key");
        for (List<Object> cell : cells) {
            int q = ((Number) cell.get(0)).intValue();
            int k = ((Number) cell.get(1)).intValue();
            double expected = weights.path(q).path(k).asDouble();
            assertEquals(expected, Double.parseDouble((String) cell.get(2)), 1e-7, "weight [" + q + "][" + k + "]");
            if (k <= q) {
                assertEquals(String.format(java.util.Locale.ROOT, "%.3f", expected), cell.get(3));
            }
        }
        assertEquals(String.valueOf(f[2]), browser.js("return document.querySelector('table[role=grid] tr[aria-selected=true]').rowIndex - 1 + ''"),
                "the selected token's row is marked");
        assertEquals(1L, browser.js("return document.querySelectorAll('table[role=grid] td[tabindex=\"0\"]').length"),
                "one cell in the tab order");
        return trace;
    }

    @Test
    void aTypedPromptShowsTheAttentionWeightsOfTheSimulationsTraceForThatPrompt() {
        browser.open(false);
        String prompt = "The jury said the jury was tired.";
        typePrompt(prompt);
        int[] f = focus();
        JsonNode trace = assertTableIsTheTrace(prompt);
        JsonNode weights = trace.path("attention").path(f[1]).path("weights");
        int t = trace.path("tokens").size();
        @SuppressWarnings("unchecked")
        List<String> tokens = (List<String>) browser.js("return [...document.querySelectorAll('.nsm-token')].map((b) => b.dataset.position)");
        assertEquals(t, tokens.size(), "one token button per token of the trace");
        // the strongest link of the selected token is announced
        JsonNode row = weights.path(f[2]);
        int best = 0;
        for (int k = 1; k <= f[2]; k++) {
            if (row.path(k).asDouble() > row.path(best).asDouble()) {
                best = k;
            }
        }
        String announced = (String) browser.js("return document.getElementById('nsm-strongest').textContent");
        String bestToken = trace.path("tokens").path(best).path("text").asText().replace("\n", "⏎").replaceFirst("^ ", "·");
        String firstLink = announced.substring(announced.indexOf(": ") + 2);
        assertTrue(firstLink.startsWith(bestToken + " (" + String.format(java.util.Locale.ROOT, "%.3f", row.path(best).asDouble()) + ")"),
                announced);
        assertEquals("polite", browser.js("return document.getElementById('nsm-strongest').getAttribute('aria-live')"));
    }

    @Test
    void theTableFollowsAPromptThatGrowsWordByWordAndShrinks() {
        browser.open(false);
        WebElement input = browser.driver.findElement(By.id("nsm-prompt"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        StringBuilder prompt = new StringBuilder();
        for (String word : "The jury said it did find".split(" ")) {
            prompt.append(word).append(' ');
            browser.driver.executeCdpCommand("Input.insertText", Map.of("text", word + " "));
            browser.waitFor("microscopeTest.updates.length && microscopeTest.updates.at(-1).prompt === " + quote(prompt.toString()),
                    Duration.ofSeconds(30));
        }
        assertTableIsTheTrace(prompt.toString());
        // as the prompt grows the rows on screen stay (causal attention leaves them as they were); only new ones come
        browser.js("document.querySelector('table[role=grid] tbody tr').dataset.probe = 'kept'");
        prompt.append("that ");
        browser.driver.executeCdpCommand("Input.insertText", Map.of("text", "that "));
        browser.waitFor("microscopeTest.updates.length && microscopeTest.updates.at(-1).prompt === " + quote(prompt.toString()),
                Duration.ofSeconds(30));
        assertTableIsTheTrace(prompt.toString());
        assertEquals("kept", browser.js("return document.querySelector('table[role=grid] tbody tr').dataset.probe"));
        // a word taken back and another typed: the rows and keys that went are gone, the new ones are the trace's
        for (int i = 0; i < "did find that ".length(); i++) {
            input.sendKeys(Keys.BACK_SPACE);
        }
        prompt.setLength(prompt.length() - "did find that ".length());
        prompt.append("was");
        input.sendKeys("was");
        browser.waitFor("microscopeTest.updates.length && microscopeTest.updates.at(-1).prompt === " + quote(prompt.toString()),
                Duration.ofSeconds(30));
        assertTableIsTheTrace(prompt.toString());
    }

    @Test
    void theGalleryHasOneLabelledThumbnailPerLayerAndHead() {
        browser.open(false);
        JsonNode model = simulation(SHAPE, Map.of("input", Map.of("prompt", "The cat sat."))).path("microscope").path("microscope").path("model");
        int layers = model.path("layers").asInt();
        int heads = model.path("heads").asInt();
        @SuppressWarnings("unchecked")
        List<List<Object>> thumbs = (List<List<Object>>) browser.js("""
                return [...document.querySelectorAll('.nsm-gallery button')]
                  .map((b) => [Number(b.dataset.layer), Number(b.dataset.head), b.dataset.pattern, b.getAttribute('aria-label')]);""");
        assertEquals(layers * heads, thumbs.size());
        Set<String> seen = new HashSet<>();
        for (List<Object> th : thumbs) {
            seen.add(th.get(0) + "," + th.get(1));
            assertTrue(PATTERNS.contains((String) th.get(2)), th.toString());
            assertTrue(((String) th.get(3)).startsWith("layer " + (((Number) th.get(0)).intValue() + 1) + ", head "), th.toString());
        }
        assertEquals(layers * heads, seen.size(), "every layer × head exactly once");
        assertEquals(heads, ((Number) browser.js("return document.querySelectorAll('.nsm-multihead button').length")).intValue());
    }

    @Test
    void keyboardAloneReachesEveryTokenHeadAndLayer() {
        browser.open(false);
        String prompt = "One two three four five six.";
        typePrompt(prompt);
        JsonNode model = simulation(SHAPE, Map.of("input", Map.of("prompt", prompt))).path("microscope").path("microscope").path("model");
        int tokens = ((Number) browser.js("return document.querySelectorAll('.nsm-token').length")).intValue();

        tabUntil("document.activeElement.classList.contains('nsm-token')");
        List<Integer> positions = new ArrayList<>();
        press(Keys.HOME);
        positions.add(awaitFocus(2, 0));
        for (int i = 1; i < tokens; i++) {
            press(Keys.ARROW_RIGHT);
            positions.add(awaitFocus(2, i));
        }
        assertEquals(tokens, new HashSet<>(positions).size(), "every token selected from the keyboard");

        tabUntil("document.activeElement.id === 'nsm-layer'");
        press(Keys.HOME);
        awaitFocus(0, 0);
        for (int l = 1; l < model.path("layers").asInt(); l++) {
            press(Keys.ARROW_RIGHT);
            awaitFocus(0, l);
        }
        tabUntil("document.activeElement.getAttribute('role') === 'radio'");
        press(Keys.HOME);
        awaitFocus(1, 0);
        for (int h = 1; h < model.path("heads").asInt(); h++) {
            press(Keys.ARROW_RIGHT);
            awaitFocus(1, h);
        }
        // the weights table is a grid the arrow keys walk through
        tabUntil("document.activeElement.getAttribute('role') === 'gridcell'");
        press(Keys.ARROW_DOWN);
        press(Keys.ARROW_RIGHT);
        String info = (String) browser.js("return document.querySelector('.nsm-cell-info').textContent");
        assertTrue(info.contains("weight"), info);
    }

    private void press(CharSequence key) {
        // as a keyboard does: the key goes to whatever has the focus when it arrives (the view re-renders its
        // controls when an answer arrives, so the focused element may be a fresh one by then)
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(key).perform();
    }

    private void tabUntil(String condition) {
        for (int i = 0; i < 80; i++) {
            if (Boolean.TRUE.equals(browser.js("return !!(" + condition + ")"))) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached: " + condition);
    }

    /** Waits until the view shows {@code value} at index (0 layer, 1 head, 2 position) of its focus. */
    private int awaitFocus(int index, int value) {
        browser.waitFor("document.querySelector('.nsm').dataset.focus.split(',')[" + index + "] === '" + value + "'", Duration.ofSeconds(20));
        return focus()[index];
    }

    @Test
    void unmountingReleasesEveryWebGlContextAndRemountingWorks() {
        browser.open(false);
        for (int i = 0; i < 3; i++) {
            browser.jsAsync("const done = arguments[0]; microscopeTest.unmount().then(() => done(true), (e) => done(String(e)));");
            assertEquals(0L, ((Number) browser.js("return microscopeTest.liveContexts()")).longValue(), "no live WebGL context after unmount");
            assertEquals(0L, ((Number) browser.js("return document.querySelectorAll('#module canvas').length")).longValue());
            long before = browser.updates();
            browser.jsAsync("const done = arguments[0]; microscopeTest.mount().then(() => done(true), (e) => done(String(e)));");
            browser.waitFor("microscopeTest.updates.length > " + before, Duration.ofSeconds(30));
            assertEquals(1L, ((Number) browser.js("return microscopeTest.liveContexts()")).longValue(), "one context while mounted");
        }
    }

    @Test
    void reducedMotionDrawsStillStates() {
        browser.open(true);
        assertEquals("false", browser.js("return document.querySelector('.nsm').dataset.animating"));
        browser.open(false);
        assertEquals("true", browser.js("return document.querySelector('.nsm').dataset.animating"));
    }

    @Test
    void visitsAndInteractionsAreRecordedAsLearningEventsAndEachViewEndsWithItsQuiz() {
        browser.open(false);
        browser.driver.findElement(By.id("nsm-tab-feed-forward")).click();
        browser.driver.findElement(By.cssSelector("#nsm-panel-feed-forward [data-quiz]")).click();
        browser.waitFor("microscopeTest.log.events.some((e) => e.objectType === 'QUIZ')", Duration.ofSeconds(20));
        browser.waitFor("microscopeTest.log.events.some((e) => e.verb === 'EXPERIENCED' && e.objectId === 'feed-forward')", Duration.ofSeconds(20));
        assertTrue(Boolean.TRUE.equals(browser.js("""
                const ev = microscopeTest.log.events;
                return ev.some((e) => e.verb === 'LAUNCHED' && e.objectType === 'MODULE' && e.recordedId)
                  && ev.some((e) => e.verb === 'EXPERIENCED' && e.objectId === 'attention')
                  && microscopeTest.log.navigations.some((n) => n.component === 'quiz-component-feed-forward' && n.level === 3);""")));
    }

    @Test
    void aNeuronShowsTheHeldOutSnippetsThatActivateItMost() {
        browser.open(false);
        browser.driver.findElement(By.id("nsm-tab-feed-forward")).click();
        WebElement neuron = browser.driver.findElement(By.cssSelector("#nsm-panel-feed-forward button.nsm-neuron"));
        int id = Integer.parseInt(neuron.getDomAttribute("data-neuron"));
        int layer = focus()[0];
        neuron.click();
        browser.waitFor("document.querySelectorAll('.nsm-snippets li').length > 0", Duration.ofSeconds(90));
        JsonNode snippets = simulation(ATLAS, Map.of("input", Map.of("layer", layer, "neuron", id)))
                .path("neuronAtlas").path("neuronAtlas").path("snippets");
        String first = (String) browser.js("return document.querySelector('.nsm-snippets li .nsm-activation').textContent");
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", snippets.path(0).path("activation").asDouble()), first);
        String marked = (String) browser.js("return document.querySelector('.nsm-snippets li mark').textContent");
        JsonNode s0 = snippets.path(0);
        assertEquals(s0.path("tokens").path(s0.path("index").asInt()).path("text").asText(), marked);
    }
}
