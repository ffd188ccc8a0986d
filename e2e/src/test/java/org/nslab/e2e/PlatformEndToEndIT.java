package org.nslab.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nslab.sdk.conformance.Chromium;
import org.nslab.testing.TestServers;
import org.nslab.testing.Tokens;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaml.snakeyaml.Yaml;

/** The flow of the platform foundation, on the stack that ./nslab up starts, with real Keycloak tokens. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final List<String> SERVICES = List.of("gateway", "content", "progress", "quiz", "simulation", "analytics", "renderer");
    private static final String RECORD = """
            mutation($input: RecordLearningEventInput!) {
              recordLearningEvent(input: $input) { event { id } userErrors { field message code } }
            }""";
    private static final String ACTIVITY = "query { viewer { id kind tenant activity { eventCount } } }";

    private static final LocalStack stack = new LocalStack();
    private static String upOutput;

    @BeforeAll
    static void up() {
        upOutput = stack.upFresh();
    }

    @AfterAll
    static void down() {
        String output = stack.nslab("down");
        assertTrue(output.contains("stopped"), output);
        String status = stack.nslab("status");
        assertTrue(!status.contains("ready") && !status.contains("running"), status);
        for (String service : SERVICES) {
            assertTrue(!portOpen(stack.port(service)), service + " still listens after ./nslab down");
        }
    }

    @Test
    @Order(1)
    void upReportsEveryComponentReadyAndPrintsTheUrlAndDemoAccounts() {
        for (String component : List.of("postgres", "kafka", "keycloak", "gateway", "content", "progress", "quiz",
                "simulation", "analytics", "renderer")) {
            assertTrue(upOutput.matches("(?s).*" + component + " +ready in .*"), component + " not reported ready:\n" + upOutput);
        }
        assertTrue(upOutput.contains(stack.gatewayUrl().replace("127.0.0.1", "localhost") + "/graphql"), upOutput);
        assertTrue(upOutput.contains("alice / alice-demo"), upOutput);
        for (String service : SERVICES) {
            given().get("http://127.0.0.1:" + stack.port(service) + "/q/health/ready").then()
                    .statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    @Order(2)
    void aLearnerWithAKeycloakTokenRecordsEventsAndReadsTheirCountBackThroughTheGateway() {
        String token = "Bearer " + Tokens.forUser(stack.keycloakUrl(), "alice", "alice-demo");
        for (String verb : List.of("LAUNCHED", "EXPERIENCED", "COMPLETED")) {
            record(token, Map.of("verb", verb, "objectId", "level:1", "objectType", "LEVEL"))
                    .body("data.recordLearningEvent.userErrors", empty());
        }
        awaitCount(token, 3);
        graphql(token, ACTIVITY, Map.of()).body("data.viewer.tenant", equalTo("demo-university"));

        String otherTenant = "Bearer " + Tokens.forUser(stack.keycloakUrl(), "erin", "erin-demo");
        graphql(otherTenant, ACTIVITY, Map.of())
                .body("data.viewer.tenant", equalTo("other-college"))
                .body("data.viewer.activity.eventCount", equalTo(0));
    }

    @Test
    @Order(3)
    void aGuestRecordsEventsWithoutAnAccount() {
        String guest = "Guest " + graphql(null, "mutation { startGuestSession { token } }", Map.of())
                .extract().path("data.startGuestSession.token");
        record(guest, Map.of("verb", "EXPERIENCED", "objectId", "level:3/attention", "objectType", "COMPONENT"))
                .body("data.recordLearningEvent.userErrors", empty());
        awaitCount(guest, 1);
        graphql(guest, ACTIVITY, Map.of()).body("data.viewer.kind", equalTo("GUEST"));
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void aGuestTakesTheJourneyMapQuizInTheShellAndTheQuizServiceGradesEachAnswer() throws IOException {
        Map<String, Object> quiz = journeyMapQuiz();
        List<Map<String, Object>> questions = (List<Map<String, Object>>) quiz.get("questions");
        ChromeDriver chrome = Chromium.start(1280, 900);
        try {
            takeTheJourneyMapQuiz(chrome, questions);
        } finally {
            chrome.quit();
        }
    }

    /** In the web shell, in headless Chromium; the expected answers come from content/ (the quiz's source). */
    @SuppressWarnings("unchecked")
    private static void takeTheJourneyMapQuiz(ChromeDriver chrome, List<Map<String, Object>> questions) throws IOException {
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(60));

        chrome.get(stack.gatewayUrl() + "/#/level/1/journey-map/quiz/quiz-journey-map");
        wait.until(d -> "true".equals(chrome.executeScript("return document.documentElement.dataset.ready || ''")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stage"), "continue as a guest to take the quiz"));
        chrome.findElement(By.xpath("//button[text()='Continue as guest']")).click();
        wait.withMessage(() -> "no quiz; the page shows: " + chrome.findElement(By.id("stage")).getText()
                + chrome.manage().logs().get("browser").getAll()).until(ExpectedConditions.presenceOfElementLocated(By.id("quiz")));
        assertEquals(questions.size(), chrome.findElements(By.cssSelector("form.quiz-question")).size());
        assertTrue(chrome.findElement(By.id("quiz-summary")).getText().startsWith("0 of " + questions.size() + " solved"));

        // a numeric estimate: not a number (refused in the page), a wrong value, then the answer
        Map<String, Object> numeric = questions.stream().filter(q -> "numeric".equals(q.get("type"))).findFirst().orElseThrow();
        WebElement form = chrome.findElement(By.id("q-" + numeric.get("id")));
        WebElement field = form.findElement(By.cssSelector("input[type=text]"));
        field.sendKeys("about three weeks");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertTrue(feedback(form).startsWith("Write a number"), feedback(form));
        double answer = ((Number) numeric.get("answer")).doubleValue();
        field.clear();
        field.sendKeys(String.valueOf(answer * 10));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> feedback(form).contains("2 attempts left"));
        field.clear();
        field.sendKeys(String.valueOf(answer));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> form.getAttribute("class").contains("correct"));
        assertTrue(form.findElement(By.cssSelector("button[type=submit]")).getAttribute("disabled") != null, "a solved question is closed");
        assertTrue(feedback(form).contains(((Map<String, String>) numeric.get("explanation")).get("en").substring(0, 20)), feedback(form));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quiz-summary"), "1 of " + questions.size() + " solved"));

        // an ordering, put right with the arrow buttons only
        Map<String, Object> ordering = questions.stream().filter(q -> "ordering".equals(q.get("type"))).findFirst().orElseThrow();
        List<String> order = (List<String>) ordering.get("answer");
        WebElement list = chrome.findElement(By.id("q-" + ordering.get("id")));
        for (int i = 0; i < order.size(); i++) {
            while (true) {
                List<String> shown = list.findElements(By.cssSelector("ol.quiz-order li")).stream().map(li -> li.getAttribute("data-id")).toList();
                int at = shown.indexOf(order.get(i));
                if (at == i) {
                    break;
                }
                list.findElement(By.cssSelector("li[data-id='" + order.get(i) + "'] button.up")).click();
            }
        }
        list.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> list.getAttribute("class").contains("correct"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quiz-summary"), "2 of " + questions.size() + " solved"));

        // the answers are the learner's: a reload reads both back from the quiz service
        chrome.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quiz-summary"), "2 of " + questions.size() + " solved"));

        // and their progress: the graded attempts reach the progress service as events, read through the gateway
        String guest = "Guest " + new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                (String) chrome.executeScript("return sessionStorage.getItem('nslab.auth')")).get("token").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> graphql(guest,
                "{ viewer { progress { quizzes { quizId solved questionCount } } } }", Map.of())
                .body("errors", nullValue())
                .body("data.viewer.progress.quizzes.find { it.quizId == 'quiz-journey-map' }.solved", equalTo(2))
                .body("data.viewer.progress.quizzes.find { it.quizId == 'quiz-journey-map' }.questionCount", equalTo(questions.size())));
    }

    private static String feedback(WebElement form) {
        return form.findElement(By.cssSelector(".quiz-feedback")).getText();
    }

    @Test
    @Order(4)
    void anInstructorCreatesACohortEnrolsALearnerAndReadsItsMetricsThroughTheGateway() {
        String bob = "Bearer " + Tokens.forUser(stack.keycloakUrl(), "bob", "bob-demo");
        String alice = Tokens.forUser(stack.keycloakUrl(), "alice", "alice-demo");
        String aliceKey = graphql("Bearer " + alice, "{ viewer { actorKey } }", Map.of()).extract().path("data.viewer.actorKey");
        String cohort = graphql(bob, "mutation($input: CreateCohortInput!) { createCohort(input: $input) { cohort { id tenant } userErrors { message } } }",
                Map.of("input", Map.of("course", "llm-101", "name", "e2e " + UUID.randomUUID())))
                .body("errors", nullValue())
                .body("data.createCohort.userErrors", empty())
                .body("data.createCohort.cohort.tenant", equalTo("demo-university"))
                .extract().path("data.createCohort.cohort.id");
        graphql(bob, "mutation($input: EnrolInCohortInput!) { enrolInCohort(input: $input) { cohort { learnerKeys } userErrors { message } } }",
                Map.of("input", Map.of("cohortId", cohort, "actorKeys", List.of(aliceKey))))
                .body("errors", nullValue())
                .body("data.enrolInCohort.cohort.learnerKeys", equalTo(List.of(aliceKey)));
        graphql(bob, "{ cohorts { id } }", Map.of()).body("errors", nullValue())
                .body("data.cohorts.id", org.hamcrest.Matchers.hasItem(cohort));
        record("Bearer " + alice, Map.of("verb", "EXPERIENCED", "objectId", "level:1", "objectType", "LEVEL"))
                .body("data.recordLearningEvent.userErrors", empty());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> graphql(bob,
                "query($input: LearningMetricsInput!) { learningMetrics(input: $input) { metrics { learners } userErrors { message } } }",
                Map.of("input", Map.of("cohortId", cohort)))
                .body("errors", nullValue())
                .body("data.learningMetrics.userErrors", empty())
                .body("data.learningMetrics.metrics.learners", equalTo(1)));
    }

    @Test
    @Order(5)
    void aLearnerRendersAStillThroughTheGatewayAndFetchesItFromTheGatewaysAddress() {
        String token = "Bearer " + Tokens.forUser(stack.keycloakUrl(), "alice", "alice-demo");
        String scene = """
            {"version":1,"camera":{"position":[0,1,6],"target":[0,0,0]},"meshes":[{"primitive":"sphere","material":{"color":"#ff3366"}}]}""";
        String id = graphql(token, "mutation($input: RequestRenderInput!) { requestRender(input: $input) { job { id } userErrors { message } } }",
                Map.of("input", Map.of("scene", scene, "width", 96, "height", 64)))
                .body("data.requestRender.userErrors", empty()).extract().path("data.requestRender.job.id");
        String[] url = new String[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, Object> job = graphql(token, "query($id: ID!) { renderJob(id: $id) { state resultUrl error } }", Map.of("id", id))
                    .extract().path("data.renderJob");
            assertTrue(!"FAILED".equals(job.get("state")) && !"CANCELLED".equals(job.get("state")), String.valueOf(job));
            url[0] = (String) job.get("resultUrl");
            return "SUCCEEDED".equals(job.get("state"));
        });
        // The link is the gateway's: the renderer's own port is not needed by a browser.
        assertTrue(url[0].startsWith(stack.gatewayUrl() + "/renders/"), url[0]);
        byte[] png = given().get(url[0]).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertEquals("\u0089PNG", new String(png, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    @Order(5)
    void anInvalidPayloadGetsUserErrorsNamingTheField() {
        String token = "Bearer " + Tokens.forUser(stack.keycloakUrl(), "alice", "alice-demo");
        record(token, Map.of("verb", "ANSWERED", "objectId", "quiz:q1", "objectType", "QUESTION",
                "result", Map.of("scoreScaled", 7)))
                .body("data.recordLearningEvent.event", nullValue())
                .body("data.recordLearningEvent.userErrors[0].field", equalTo(List.of("input", "result", "scoreScaled")));
    }

    @Test
    @Order(6)
    void analyticsKilledMidStreamLosesNoEventAndCountsNoneTwice() throws Exception {
        String token = "Bearer " + Tokens.forUser(stack.keycloakUrl(), "bob", "bob-demo");
        int before = count(token);
        int events = 60;
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < events; i++) {
                record(token, Map.of("verb", "PROGRESSED", "objectId", "level:4/chapter-" + i, "objectType", "CHAPTER"))
                        .body("data.recordLearningEvent.userErrors", empty());
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> count(token) >= before + 10);
        stack.nslab("kill", "analytics");
        sending.get();
        stack.nslab("start", "analytics");

        awaitCount(token, before + events);
        Thread.sleep(3_000);
        assertEquals(before + events, count(token), "after redelivery settles");
    }

    @Test
    @Order(7)
    void withKafkaDownRecordingFailsClearlyAndTheSameIdSucceedsOnceKafkaIsBack() throws Exception {
        String token = "Bearer " + Tokens.forUser(stack.keycloakUrl(), "carol", "carol-demo");
        int before = count(token);
        String id = UUID.randomUUID().toString();
        Map<String, Object> input = Map.of("id", id, "verb", "COMPLETED", "objectId", "stage:training", "objectType", "STAGE");

        stack.nslab("stop", "kafka");
        record(token, input)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("service-unavailable"))
                .body("errors[0].message", containsString("retry later with the same id (" + id + ")"));
        stack.nslab("start", "kafka");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                record(token, input).extract().path("data.recordLearningEvent.event.id") != null);
        record(token, input).body("data.recordLearningEvent.event.id", equalTo(id));
        awaitCount(token, before + 1);
        Thread.sleep(2_000);
        assertEquals(before + 1, count(token), "retries with one id are counted once");
    }

    @Test
    @Order(8)
    void aTrainingRunSurvivesACrashOfTheSimulationServiceAndContinuesFromItsCheckpoint() {
        String service = "Bearer " + Tokens.forClient(stack.keycloakUrl(), "nslab-gateway", "dev-only-gateway-secret");
        String simulation = "http://127.0.0.1:" + stack.port("simulation") + "/graphql";
        String id = given().contentType(ContentType.JSON).header("Authorization", service)
                .body(Map.of("query", "mutation { startTrainingRun(owner: \"demo-university/e2e\", input: {layers: 1, heads: 1, "
                        + "width: 16, contextLength: 16, batch: 4, steps: 300, evalEvery: 50, checkpointEvery: 20, throttleMillis: 20})"
                        + " { run { id } userErrors { message } } }"))
                .post(simulation).then().statusCode(200)
                .body("data.startTrainingRun.userErrors", org.hamcrest.Matchers.empty())
                .extract().path("data.startTrainingRun.run.id");
        String progress = "query { trainingRun(id: \"" + id + "\") { state step checkpoints { step } } }";
        await().atMost(Duration.ofSeconds(120)).until(() -> this.<Integer>simulationPath(simulation, service, progress,
                "data.trainingRun.step") >= 60);

        stack.nslab("kill", "simulation");
        stack.nslab("start", "simulation");

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "COMPLETED".equals(simulationPath(simulation, service, progress, "data.trainingRun.state")));
        assertEquals(300, (int) simulationPath(simulation, service, progress, "data.trainingRun.step"));
        List<Integer> checkpoints = simulationPath(simulation, service, progress, "data.trainingRun.checkpoints.step");
        assertEquals(15, checkpoints.size(), "a checkpoint every 20 steps, before and after the crash: " + checkpoints);
    }

    private <T> T simulationPath(String url, String authorization, String query, String path) {
        return given().contentType(ContentType.JSON).header("Authorization", authorization)
                .body(Map.of("query", query)).post(url).then().statusCode(200).extract().path(path);
    }

    private static ValidatableResponse record(String authorization, Map<String, Object> input) {
        return graphql(authorization, RECORD, Map.of("input", input));
    }

    private static int count(String authorization) {
        Integer count = graphql(authorization, ACTIVITY, Map.of()).extract().path("data.viewer.activity.eventCount");
        return count == null ? -1 : count;
    }

    private static void awaitCount(String authorization, int expected) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> count(authorization) == expected);
    }

    private static ValidatableResponse graphql(String authorization, String query, Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.body(Map.of("query", query, "variables", variables))
                .post(stack.gatewayUrl() + "/graphql")
                .then().statusCode(200);
    }

    private static boolean portOpen(int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
    @SuppressWarnings("unchecked")
    private static Map<String, Object> journeyMapQuiz() throws IOException {
        try (InputStream in = Files.newInputStream(TestServers.repositoryRoot().resolve("content/quizzes/journey-map.yaml"))) {
            Map<String, Object> all = new Yaml().load(in);
            return ((List<Map<String, Object>>) all.get("quizzes")).stream()
                    .filter(q -> "quiz-journey-map".equals(q.get("id"))).findFirst().orElseThrow();
        }
    }
}
