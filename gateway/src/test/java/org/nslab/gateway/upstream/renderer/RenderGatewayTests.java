package org.nslab.gateway.upstream.renderer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.nslab.events.EventCodec;
import org.nslab.events.ModuleRegistered;
import org.nslab.events.Topics;
import org.nslab.testing.TestServers;
import org.nslab.testing.Tokens;

/**
 * The render operations on the gateway's public endpoint, forwarded to the real renderer (started beside the gateway
 * by {@link RendererServiceResource}), with real Keycloak tokens; render files and posters through the gateway's proxy.
 * Its own profile: a per-user rate limit of 100 requests a day, so that one user can reach it (the bucket refills
 * continuously: one request every 14 minutes, none during the test).
 */
@QuarkusTest
@TestProfile(RenderGatewayTests.Limits.class)
@WithTestResource(RendererServiceResource.class)
class RenderGatewayTests {

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nslab.rate-limit.per-user", String.valueOf(PER_USER), "nslab.rate-limit.per-address", "100000",
                    "nslab.rate-limit.window", "24h");
        }
    }

    static final int PER_USER = 100;
    private static final String SCENE = """
        {"version":1,"camera":{"position":[0,1,6],"target":[0,0,0]},
         "meshes":[{"primitive":"sphere","material":{"color":"#ff3366"}}]}""";
    private static final String JOB = "id state format width height queuePosition framesDone framesTotal progress resultUrl bytes error createdAt";
    private static final String REQUEST = "mutation($input: RequestRenderInput!) { requestRender(input: $input) { job { " + JOB
            + " } userErrors { field message code } } }";
    private static final String RENDER_JOB = "query($id: ID!) { renderJob(id: $id) { " + JOB + " } }";
    private static final String CANCEL = "mutation($input: RenderJobInput!) { cancelRender(input: $input) { job { id state } userErrors { field message code } } }";
    private static final String MINE = "{ myRenderJobs { id state } }";

    private static JsonPath graphql(String authorization, String query, Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.body(Map.of("query", query, "variables", variables)).post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    private static String bearer(String user, String password) {
        return "Bearer " + Tokens.forUser(user, password);
    }

    @Test
    void aLearnerRendersThroughTheGatewayAndOnlySheSeesHerJobAndItsFile() throws Exception {
        String alice = bearer("alice", "alice-demo");
        String erin = bearer("erin", "erin-demo");
        JsonPath requested = graphql(alice, REQUEST, Map.of("input", Map.of("scene", SCENE, "width", 64, "height", 48)));
        assertEquals(List.of(), requested.getList("data.requestRender.userErrors"), requested.prettify());
        String id = requested.getString("data.requestRender.job.id");
        assertEquals("PNG", requested.getString("data.requestRender.job.format"));

        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            last[0] = graphql(alice, RENDER_JOB, Map.of("id", id));
            String state = last[0].getString("data.renderJob.state");
            return !"QUEUED".equals(state) && !"RUNNING".equals(state);
        });
        JsonPath done = last[0];
        assertEquals("SUCCEEDED", done.getString("data.renderJob.state"), done.prettify());
        assertEquals(1.0, done.getDouble("data.renderJob.progress"));
        String resultUrl = done.getString("data.renderJob.resultUrl");
        assertTrue(resultUrl.matches(Pattern.quote(RendererServiceResource.PUBLIC_URL) + "/renders/[0-9a-f-]{36}\\.png"), resultUrl);

        // The file through the gateway's proxy: the PNG itself, with its type and caching.
        ExtractableResponse<Response> file = given().get(URI.create(resultUrl).getPath()).then().statusCode(200)
                .header("Content-Type", "image/png").header("Cache-Control", "private, max-age=3600, immutable")
                .header("X-Content-Type-Options", "nosniff").extract();
        byte[] png = file.asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());
        assertEquals(done.getLong("data.renderJob.bytes"), png.length);

        // Another learner: not her job, not in her list, not hers to cancel.
        JsonPath seenByErin = graphql(erin, RENDER_JOB, Map.of("id", id));
        assertNull(seenByErin.get("data.renderJob"), seenByErin.prettify());
        assertTrue(graphql(erin, MINE, Map.of()).getList("data.myRenderJobs.id").stream().noneMatch(id::equals));
        JsonPath cancelByErin = graphql(erin, CANCEL, Map.of("input", Map.of("id", id)));
        assertNull(cancelByErin.get("data.cancelRender.job"));
        assertEquals("UNKNOWN_RENDER", cancelByErin.getString("data.cancelRender.userErrors[0].code"), cancelByErin.prettify());
        assertEquals(List.of(id), graphql(alice, MINE, Map.of()).getList("data.myRenderJobs.id"));

        // Every call was measured per operation.
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String operation : List.of("requestRender", "renderJob", "myRenderJobs", "cancelRender", "renders")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("nslab_upstream_calls_seconds_count{")
                    && l.contains("operation=\"" + operation + "\"") && l.contains("service=\"renderer\"")
                    && l.contains("outcome=\"success\"")), operation + " not measured:\n" + metrics);
        }
    }

    @Test
    void badInputComesBackAsUserErrorsWithTheirPathsAndTheRateLimitCountsRenderRequests() {
        String frank = bearer("frank", "frank-demo");
        Map<String, Object> tooWide = Map.of("input", Map.of("scene", SCENE, "width", 3841, "height", 64));
        for (int i = 0; i < PER_USER; i++) {
            JsonPath refused = graphql(frank, REQUEST, tooWide);
            assertNull(refused.get("data.requestRender.job"));
            assertEquals(List.of("input", "width"), refused.getList("data.requestRender.userErrors[0].field"), refused.prettify());
            assertEquals("INVALID_INPUT", refused.getString("data.requestRender.userErrors[0].code"));
        }
        given().header("Authorization", frank).contentType(ContentType.JSON).body(Map.of("query", REQUEST, "variables", tooWide))
                .post("/graphql").then().statusCode(429)
                .body("errors[0].extensions.code", equalTo("rate-limited"))
                .body("errors[0].message", containsString("at most " + PER_USER));
    }

    @Test
    void guestsAndAnonymousCallersCannotRenderButAnyoneReadsTheSceneSchema() {
        String guest = "Guest " + graphql(null, "mutation { startGuestSession { token } }", Map.of()).getString("data.startGuestSession.token");
        Map<String, Object> input = Map.of("input", Map.of("scene", SCENE, "width", 16, "height", 16));
        for (String caller : new String[] {guest, null, bearer("dave", "dave-demo")}) {
            JsonPath refused = graphql(caller, REQUEST, input);
            assertNull(refused.get("data.requestRender"), refused.prettify());
            assertNotNull(refused.get("errors"));
            assertNull(graphql(caller, MINE, Map.of()).get("data.myRenderJobs"));
        }
        assertTrue(graphql(null, "{ sceneSchema }", Map.of()).getString("data.sceneSchema").contains("\"$schema\""));
        assertTrue(graphql(guest, "{ sceneSchema }", Map.of()).getString("data.sceneSchema").contains("\"$schema\""));
    }

    @Test
    void theProxyForwardsOnlyRenderAndPosterNamesAndServesTheRenderersPosters() throws Exception {
        given().get("/renders/" + UUID.randomUUID() + ".png").then().statusCode(404);
        given().get("/renders/not-a-render.png").then().statusCode(404);
        given().get("/renders/" + UUID.randomUUID() + ".svg").then().statusCode(404);
        given().get("/renders/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
        given().get("/posters/Not_A_Module.png").then().statusCode(404);

        // A module registration announced on Kafka: the renderer draws its poster; the gateway serves it.
        String moduleId = "render-proxy-" + UUID.randomUUID().toString().substring(0, 8);
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", TestServers.kafkaBootstrapServers());
        kafka.put("key.serializer", StringSerializer.class.getName());
        kafka.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka)) {
            producer.send(new ProducerRecord<>(Topics.MODULE_REGISTERED, moduleId, EventCodec.encode(ModuleRegistered.of(moduleId, "1.0.0", 2,
                    ModuleRegistered.Status.registered, "http://127.0.0.1:1/manifest.json", null, Instant.now())))).get();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/posters/" + moduleId + ".png").statusCode() == 200);
        byte[] png = given().get("/posters/" + moduleId + ".png").then().statusCode(200).header("Content-Type", "image/png")
                .header("Cache-Control", "public, max-age=300").extract().asByteArray();
        BufferedImage poster = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1200, poster.getWidth());
        assertEquals(630, poster.getHeight());
    }
}
