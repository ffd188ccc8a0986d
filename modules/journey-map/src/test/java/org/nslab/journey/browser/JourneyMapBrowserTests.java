package org.nslab.journey.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.conformance.Chromium;
import org.nslab.sdk.manifest.Integrity;
import org.nslab.sdk.testing.PlatformStack;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Journey Map in headless Chromium against the real gateway, content and simulation services: it registers and
 * appears in the catalogue, loads and draws its stations, a keyboard-only learner reaches every station in pipeline
 * order and opens its preview, the cost overlay shows the simulation service's numbers, and without WebGL the module
 * shows its text alternative.
 */
@QuarkusTest
@WithTestResource(value = PlatformStack.class, initArgs = @ResourceArg(name = "services", value = "content,simulation"))
class JourneyMapBrowserTests {

    static final List<String> PIPELINE = List.of("data-collection", "data-processing", "architecture", "training",
            "evaluation", "deployment");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    static String gateway() {
        return PlatformStack.gatewayUrl();
    }

    static String journey() {
        return PlatformStack.moduleUrl();
    }

    static JsonNode graphql(String url, String authorization, String query, Map<String, Object> variables) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        assertFalse(json.has("errors") && json.get("errors").size() > 0, () -> "GraphQL errors from " + url + ": " + response.body());
        return json.get("data");
    }

    /** Registered, accepted, and listed in the level-1 catalogue with the entry this service serves. */
    static JsonNode awaitInCatalogue() {
        return PlatformStack.awaitInCatalogue(1, "journey-map");
    }

    ChromeDriver open(boolean webgl, String query) throws Exception {
        awaitInCatalogue();
        driver = Chromium.start(1280, 720, webgl);
        String manifest = URLEncoder.encode(journey() + "/journey-map/module.json", StandardCharsets.UTF_8);
        driver.get(journey() + "/test-host/index.html?gateway=" + URLEncoder.encode(gateway(), StandardCharsets.UTF_8)
                + "&manifest=" + manifest + query);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Object errors = driver.executeScript("return window.__host && window.__host.errors.join('; ')");
            assertTrue(errors == null || errors.toString().isEmpty(), () -> "host error: " + errors);
            Object state = driver.executeScript("const r = document.querySelector('.nslab-jm'); return r && r.dataset.state");
            return "ready".equals(state) || "text".equals(state) || "error".equals(state);
        });
        return driver;
    }

    String state() {
        return (String) driver.executeScript("return document.querySelector('.nslab-jm').dataset.state");
    }

    @Test
    void registersThroughTheSdkAndTheCatalogueServesTheEntryItsHashNames() throws Exception {
        JsonNode module = awaitInCatalogue();
        assertEquals(journey() + "/journey-map/index.js", module.path("entryUrl").asText());
        byte[] entry = HTTP.send(HttpRequest.newBuilder(URI.create(module.path("entryUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertTrue(entry.length > 1000);
        assertEquals(Integrity.sha384(entry), module.path("integrity").asText());
    }

    @Test
    void drawsEveryStationOnTheCanvas() throws Exception {
        open(true, "&reducedMotion=1");
        assertEquals("ready", state());
        await().atMost(Duration.ofSeconds(20)).until(() -> "true".equals(
                driver.executeScript("return document.querySelector('.nslab-jm').dataset.firstFrame")));
        // the layout settles (viewport override, resize observer) before the screenshot; positions are read with it
        String rectsScript = "return JSON.stringify([...document.querySelectorAll('.jm-station')].map(b => "
                + "({id: b.dataset.station, r: b.getBoundingClientRect().toJSON()})))";
        String[] previous = {""};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(700)).until(() -> {
            String now = (String) driver.executeScript(rectsScript);
            boolean stable = now.equals(previous[0]);
            previous[0] = now;
            return stable;
        });
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        assertEquals(previous[0], driver.executeScript(rectsScript), "the stations moved while the screenshot was taken");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "journey-map.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        WebElement stage = driver.findElement(By.cssSelector(".jm-stage"));
        JsonNode rects = JSON.readTree(previous[0]);
        assertEquals(PIPELINE.size(), rects.size());
        for (JsonNode station : rects) {
            String id = station.path("id").asText();
            JsonNode r = station.path("r");
            int cx = (int) Math.round(r.path("x").asDouble() + r.path("width").asDouble() / 2);
            int bottom = (int) Math.round(r.path("bottom").asDouble());
            // the sphere sits below its label: count lit pixels in a small box 18-42 px under the label's anchor
            double lit = litShare(image, cx - 6, bottom + 18, 12, 24);
            assertTrue(lit > 0.5, "station " + id + " not drawn under its label (lit share " + lit + ", see target/journey-map.png)");
        }
        // the empty sky in the top-left corner of the canvas stays dark
        double sky = litShare(image, stage.getRect().getX() + 4, stage.getRect().getY() + 4, 40, 40);
        assertEquals(0.0, sky, "the background should be dark");
    }

    private static double litShare(BufferedImage image, int x0, int y0, int w, int h) {
        int lit = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = image.getRGB(x, y);
                int max = Math.max((rgb >> 16) & 255, Math.max((rgb >> 8) & 255, rgb & 255));
                if (max > 80) {
                    lit++;
                }
            }
        }
        return lit / (double) (w * h);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKeyboardOnlyLearnerReachesEveryStationInPipelineOrderAndOpensItsPreview() throws Exception {
        open(true, "");
        assertEquals("ready", state());
        // keyboard only: the pointer stays in the corner, nothing hovers a station
        driver.executeScript("document.activeElement && document.activeElement.blur()");
        List<String> visited = new ArrayList<>();
        Actions keys = new Actions(driver);
        for (int i = 0; i < PIPELINE.size(); i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            visited.add(focused.getAttribute("data-station"));
            WebElement preview = driver.findElement(By.id("jm-preview"));
            assertEquals(PIPELINE.get(i), preview.getAttribute("data-station"));
            for (String field : List.of("duration", "cost", "complexity")) {
                assertFalse(preview.findElement(By.cssSelector("[data-field='" + field + "']")).getText().isBlank(), field);
            }
        }
        assertEquals(PIPELINE, visited);
        // arrow keys walk back, Enter zooms in; no Level 2 theatre exists yet, so the preview offers what exists
        keys.sendKeys(Keys.ARROW_LEFT).perform();
        assertEquals("evaluation", driver.switchTo().activeElement().getAttribute("data-station"));
        keys.sendKeys(Keys.ENTER).perform();
        WebElement missing = driver.findElement(By.cssSelector("#jm-preview [data-theatre='missing']"));
        assertTrue(missing.getText().contains("not available yet"));
        assertEquals("BUTTON", driver.switchTo().activeElement().getTagName().toUpperCase());
        // the quiz is reachable
        driver.findElement(By.cssSelector(".jm-quiz-link")).click();
        List<Map<String, Object>> navigations = (List<Map<String, Object>>) driver.executeScript("return window.__host.navigations");
        assertEquals(Map.of("level", 1L, "module", "journey-map", "stage", "quiz", "component", "quiz-journey-map"), navigations.get(0));
        // every visit reached the gateway as a learning event, accepted
        await().atMost(Duration.ofSeconds(20)).until(() -> ((List<?>) driver.executeScript(
                "return window.__host.events.filter(e => e.event.verb === 'EXPERIENCED' && e.id)")).size() == PIPELINE.size());
        List<Map<String, Object>> events = (List<Map<String, Object>>) driver.executeScript("return window.__host.events");
        for (Map<String, Object> e : events) {
            assertNotNull(e.get("id"), () -> "event not recorded: " + e);
        }
        assertEquals(List.of(), driver.executeScript("return window.__host.rejectedEvents"));
    }

    @Test
    void theCostOverlayShowsTheSimulationServicesAnswerForTheSameInput() throws Exception {
        open(true, "&reducedMotion=1");
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(driver.findElement(By.cssSelector(".jm-cost-result")).getAttribute("data-state")));
        WebElement form = driver.findElement(By.cssSelector(".jm-cost-form"));
        new Select(form.findElement(By.name("model"))).selectByValue("GPT-2 XL");
        set(form, "tokens", "3e11");
        await().atMost(Duration.ofSeconds(20)).until(() -> form.findElements(By.cssSelector("[name=accelerator] option")).size() > 1);
        new Select(form.findElement(By.name("accelerator"))).selectByValue("NVIDIA H100 SXM");
        set(form, "count", "512");
        set(form, "utilization", "0.45");
        set(form, "price", "3.1");
        form.findElement(By.cssSelector(".jm-compute")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> !driver.findElements(
                By.cssSelector(".jm-cost-result[data-state='done'][data-model='GPT-2 XL']")).isEmpty());

        String service = "Bearer " + PlatformStack.serviceToken();
        String simulation = PlatformStack.simulationUrl();
        JsonNode architecture = graphql(simulation, service, """
                { architecture(input: {preset: "GPT-2 XL"}) { architecture { totalParameters activeParametersPerToken flopsPerToken { training } } } }""",
                Map.of()).path("architecture").path("architecture");
        double flops = architecture.path("flopsPerToken").path("training").asDouble() * 3e11;
        JsonNode cost = graphql(simulation, service, """
                query($input: TrainingCostInput!) { trainingCost(input: $input) { estimate { wallClockDays acceleratorHours cost energyKilowattHours } } }""",
                Map.of("input", Map.of("computeFlops", flops, "accelerator", "NVIDIA H100 SXM", "count", 512, "utilization", 0.45,
                        "pricePerAcceleratorHour", 3.1))).path("trainingCost").path("estimate");

        assertEquals(architecture.path("totalParameters").asDouble(), shown("totalParameters"));
        assertEquals(architecture.path("activeParametersPerToken").asDouble(), shown("activeParametersPerToken"));
        assertEquals(3e11, shown("tokens"));
        assertEquals(flops, shown("trainingFlops"));
        assertEquals(cost.path("wallClockDays").asDouble(), shown("wallClockDays"));
        assertEquals(cost.path("acceleratorHours").asDouble() / 24, shown("acceleratorDays"));
        assertEquals(cost.path("cost").asDouble(), shown("cost"));
        assertEquals(cost.path("energyKilowattHours").asDouble(), shown("energyKilowattHours"));
    }

    @Test
    void badOverlayInputComesBackAsUserErrorsWithTheFieldPath() throws Exception {
        String guest = PlatformStack.guest();
        String query = """
                query($input: TrainingPlanInput!) { trainingPlan(input: $input) { plan { cost } userErrors { field message } } }""";
        JsonNode tooFew = graphql(gateway(), guest, query, Map.of("input", Map.of("model", "GPT-2 small", "tokens", 0,
                "accelerator", "NVIDIA A100 SXM", "count", 8, "utilization", 0.4, "pricePerAcceleratorHour", 2))).path("trainingPlan");
        assertTrue(tooFew.path("plan").isNull());
        assertEquals("[\"input\",\"tokens\"]", tooFew.path("userErrors").get(0).path("field").toString());
        JsonNode unknownModel = graphql(gateway(), guest, query, Map.of("input", Map.of("model", "GPT-9", "tokens", 1e9,
                "accelerator", "NVIDIA A100 SXM", "count", 8, "utilization", 0.4, "pricePerAcceleratorHour", 2))).path("trainingPlan");
        assertEquals("[\"input\",\"model\"]", unknownModel.path("userErrors").get(0).path("field").toString());
        assertTrue(unknownModel.path("userErrors").get(0).path("message").asText().contains("GPT-9"));
        JsonNode unknownAccelerator = graphql(gateway(), guest, query, Map.of("input", Map.of("model", "GPT-2 small", "tokens", 1e9,
                "accelerator", "Abacus", "count", 8, "utilization", 0.4, "pricePerAcceleratorHour", 2))).path("trainingPlan");
        assertEquals("[\"input\",\"accelerator\"]", unknownAccelerator.path("userErrors").get(0).path("field").toString());
    }

    private static void set(WebElement form, String name, String value) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(value);
    }

    private double shown(String field) {
        return Double.parseDouble(driver.findElement(By.cssSelector(".jm-cost-result [data-field='" + field + "']")).getAttribute("data-value"));
    }

    @Test
    void theGatewaysShellLoadsLevelOneFromTheCatalogueUnderItsContentSecurityPolicy() throws Exception {
        awaitInCatalogue();
        driver = Chromium.start(1280, 720, true);
        driver.get(gateway() + "/");
        await().atMost(Duration.ofSeconds(60)).until(() -> "true".equals(
                driver.executeScript("return document.documentElement.dataset.ready || ''")));
        if (!driver.findElement(By.id("account")).getText().contains("Guest")) {
            driver.findElement(By.xpath("//button[text()='Continue as guest']")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElement(By.id("account")).getText().contains("Guest"));
        }
        driver.executeScript("location.hash = '#/level/1/journey-map'");
        await().atMost(Duration.ofSeconds(60)).until(() -> "ready".equals(driver.executeScript(
                "const r = document.querySelector('.nslab-jm'); return r && r.dataset.state")));
        assertEquals(PIPELINE.size(), driver.findElements(By.cssSelector(".jm-station")).size());
        // the module's styles apply although the shell allows no inline styles
        assertEquals("absolute", driver.executeScript("return getComputedStyle(document.querySelector('.jm-station')).position"));
    }

    @Test
    void withoutWebGlTheTextAlternativeListsEveryStationInOrder() throws Exception {
        open(false, "");
        assertEquals("text", state());
        assertTrue(driver.findElements(By.cssSelector(".jm-canvas")).isEmpty());
        List<WebElement> items = driver.findElements(By.cssSelector("#jm-text ol > li"));
        assertEquals(PIPELINE, items.stream().map(li -> li.getAttribute("data-station")).toList());
        assertTrue(driver.findElement(By.id("jm-text")).isDisplayed());
        for (WebElement li : items) {
            assertTrue(li.getText().contains("Typical duration") && li.getText().contains("Complexity"), li.getText());
        }
    }
}
