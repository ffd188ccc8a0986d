package org.nslab.renderer.graphql;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nslab.renderer.graphql.GraphQl.ALICE;
import static org.nslab.renderer.graphql.GraphQl.BOB;
import static org.nslab.renderer.graphql.GraphQl.CAROL;
import static org.nslab.renderer.graphql.GraphQl.DAVE;
import static org.nslab.renderer.graphql.GraphQl.ERIN;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.scene.Examples;
import org.nslab.testing.TestServersResource;
import org.nslab.testing.Tokens;

@QuarkusTest
@WithTestResource(TestServersResource.class)
class RenderGraphQlApiTests {

    private static final String SHOWCASE = Examples.json(Examples.SHOWCASE);
    private static final String SMALL = """
        {"version":1,"camera":{"position":[0,1,6],"target":[0,0,0]},
         "meshes":[{"primitive":"sphere","material":{"color":"#ff3366"}}],
         "cameraPath":{"keyframes":[{"time":0,"position":[0,1,6],"target":[0,0,0]},{"time":1,"position":[3,1,5],"target":[0,0,0]}]}}""";

    private static Map<String, Object> input(String scene, Object... pairs) {
        Map<String, Object> input = new HashMap<>();
        input.put("scene", scene);
        for (int i = 0; i < pairs.length; i += 2) {
            input.put((String) pairs[i], pairs[i + 1]);
        }
        return input;
    }

    private static JsonPath finished(Map<String, Object> viewer, String id) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = GraphQl.job(viewer, id);
            String state = last[0].getString("data.renderJob.state");
            return !"QUEUED".equals(state) && !"RUNNING".equals(state);
        });
        return last[0];
    }

    private static byte[] fetch(String resultPath) {
        return given().when().get(resultPath).then().statusCode(200).extract().asByteArray();
    }

    private static String submitted(JsonPath response) {
        assertEquals(List.of(), response.getList("data.requestRender.userErrors"), response.prettify());
        return response.getString("data.requestRender.job.id");
    }

    @Test
    void aLearnerRendersAStillAndFetchesThePng() throws Exception {
        String id = submitted(GraphQl.requestRender(ALICE, input(SHOWCASE, "width", 640, "height", 360)));
        JsonPath done = finished(ALICE, id);
        assertEquals("SUCCEEDED", done.getString("data.renderJob.state"), done.prettify());
        assertEquals(1.0, done.getDouble("data.renderJob.progress"));
        assertEquals(0, done.getInt("data.renderJob.queuePosition"));
        byte[] png = fetch(done.getString("data.renderJob.resultPath"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
        assertEquals(png.length, done.getLong("data.renderJob.bytes"));
        // Another learner can neither see nor cancel it, nor find it among his jobs; an admin sees it.
        assertNull(GraphQl.job(ERIN, id).get("data.renderJob"));
        JsonPath refused = GraphQl.cancel(ERIN, id);
        assertNull(refused.get("data.cancelRender.job"));
        assertEquals("UNKNOWN_RENDER", refused.getString("data.cancelRender.userErrors[0].code"), refused.prettify());
        assertTrue(GraphQl.myJobs(ERIN).getList("data.myRenderJobs.id").stream().noneMatch(id::equals));
        assertEquals(id, GraphQl.job(CAROL, id).getString("data.renderJob.id"));
    }

    @Test
    void anInstructorExportsAGifAndAnMp4AlongTheCameraPath() {
        for (String format : new String[] {"GIF", "MP4"}) {
            String id = submitted(GraphQl.requestRender(BOB, input(SMALL, "width", 160, "height", 90, "format", format,
                    "duration", 1.0, "fps", 8)));
            JsonPath done = finished(BOB, id);
            assertEquals("SUCCEEDED", done.getString("data.renderJob.state"), done.prettify());
            assertEquals(8, done.getInt("data.renderJob.framesTotal"));
            assertEquals(8, done.getInt("data.renderJob.framesDone"));
            byte[] bytes = fetch(done.getString("data.renderJob.resultPath"));
            String head = new String(bytes, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(format.equals("GIF") ? head.startsWith("GIF89a") : head.substring(4).equals("ftyp"), format + ": " + head);
        }
    }

    @Test
    void badInputIsRejectedNamingTheProblemAndTheServiceRendersTheNextJob() {
        record Case(Map<String, Object> input, List<String> field, String message) {
        }
        List<Case> cases = List.of(
                new Case(input("{\"version\":1,"), List.of("input", "scene"), "malformed scene: not valid JSON"),
                new Case(input(SMALL.replace("\"color\":\"#ff3366\"", "\"color\":\"#ff3366\",\"shader\":\"no-such-shader\"")),
                        List.of("input", "scene", "meshes", "0", "material", "shader"), "unknown shader 'no-such-shader'"),
                new Case(input(SMALL, "width", 3841, "height", 2160), List.of("input", "width"), "width must be between 16 and 3840"),
                new Case(input(SMALL, "width", 3840, "height", 2200), List.of("input", "height"), "height must be between 16 and 2160"),
                new Case(input(SMALL, "format", "GIF", "duration", 60.0, "fps", 60), List.of("input", "duration"), "too many frames: 3600"),
                new Case(input(SMALL.replace("\"meshes\"", "\"particles\":[{\"count\":250000,\"emitter\":{\"type\":\"sphere\"}}],\"meshes\"")),
                        List.of("input", "scene", "particles", "0", "count"), "must have a maximum value of 200000, was 250000"));
        for (Case c : cases) {
            JsonPath response = GraphQl.requestRender(ALICE, c.input());
            assertNull(response.get("data.requestRender.job"), response.prettify());
            List<Map<String, Object>> errors = response.getList("data.requestRender.userErrors");
            assertTrue(errors.stream().anyMatch(e -> e.get("field").equals(c.field()) && ((String) e.get("message")).contains(c.message())),
                    () -> "expected " + c.field() + " / " + c.message() + " in " + errors);
        }
        // A shader that fails to compile is only found by the GPU driver: the job fails with the driver's message.
        String broken = submitted(GraphQl.requestRender(ALICE, input(SMALL.replace("\"color\":\"#ff3366\"",
                "\"color\":\"#ff3366\",\"shader\":\"broken\""), "width", 64, "height", 64)));
        JsonPath failed = finished(ALICE, broken);
        assertEquals("FAILED", failed.getString("data.renderJob.state"));
        assertTrue(failed.getString("data.renderJob.error").startsWith("shader 'broken' (vertex) failed to compile"),
                failed.getString("data.renderJob.error"));
        // ... and the next job renders.
        String next = submitted(GraphQl.requestRender(ALICE, input(SMALL, "width", 64, "height", 64)));
        assertEquals("SUCCEEDED", finished(ALICE, next).getString("data.renderJob.state"));
    }

    @Test
    void learnersWaitInTheQueueSeeTheirPlaceAndHaveALimit() {
        // A long clip keeps the single worker busy.
        String first = submitted(GraphQl.requestRender(ERIN, input(SHOWCASE, "width", 1280, "height", 720, "format", "GIF",
                "duration", 20.0, "fps", 30)));
        String second = submitted(GraphQl.requestRender(ERIN, input(SMALL, "width", 64, "height", 64)));
        JsonPath waiting = GraphQl.job(ERIN, second);
        assertEquals("QUEUED", waiting.getString("data.renderJob.state"), waiting.prettify());
        assertTrue(waiting.getInt("data.renderJob.queuePosition") >= 1);
        JsonPath third = GraphQl.requestRender(ERIN, input(SMALL, "width", 64, "height", 64));
        assertNull(third.get("data.requestRender.job"));
        assertTrue(third.getString("data.requestRender.userErrors[0].message").contains("at most 2"), third.prettify());
        assertEquals("TOO_MANY", third.getString("data.requestRender.userErrors[0].code"));
        // An instructor's limit is higher.
        List<String> bobs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bobs.add(submitted(GraphQl.requestRender(BOB, input(SMALL, "width", 64, "height", 64))));
        }
        JsonPath mine = GraphQl.myJobs(ERIN);
        assertEquals(2, mine.getList("data.myRenderJobs").size());
        JsonPath cancelled = GraphQl.cancel(ERIN, first);
        assertNotNull(cancelled.get("data.cancelRender.job"), cancelled.prettify());
        assertEquals("CANCELLED", finished(ERIN, first).getString("data.renderJob.state"));
        assertEquals("SUCCEEDED", finished(ERIN, second).getString("data.renderJob.state"));
        bobs.forEach(id -> assertEquals("SUCCEEDED", finished(BOB, id).getString("data.renderJob.state")));
    }

    @Test
    void onlyTheGatewaysServiceAccountCallsItAndOnlyForLearnersInstructorsAndAdmins() {
        // Nobody but the service account: not anonymous, not a learner with her own token (she goes through the gateway).
        JsonPath anonymous = GraphQl.requestRender(null, ALICE, input(SMALL));
        assertNull(anonymous.get("data.requestRender"));
        assertNotNull(anonymous.get("errors"));
        JsonPath learnerToken = GraphQl.requestRender(Tokens.forUser("alice", "alice-demo"), ALICE, input(SMALL));
        assertNull(learnerToken.get("data.requestRender"));
        assertNotNull(learnerToken.get("errors"));
        assertNotNull(GraphQl.call(null, "{ sceneSchema }", Map.of()).get("errors"));
        // For a module author (not a rendering role) the service refuses, naming the roles.
        JsonPath author = GraphQl.requestRender(DAVE, input(SMALL));
        assertNull(author.get("data.requestRender.job"));
        assertEquals(List.of("input", "viewer", "roles"), author.getList("data.requestRender.userErrors[0].field"));
        assertEquals("FORBIDDEN", author.getString("data.requestRender.userErrors[0].code"));
        // A malformed actor key, or one of another tenant, is refused.
        JsonPath forged = GraphQl.requestRender(Map.of("actorKey", "demo-university/x", "tenant", "other-college",
                "roles", List.of("learner")), input(SMALL));
        assertEquals("INVALID_ACTOR", forged.getString("data.requestRender.userErrors[0].code"), forged.prettify());
        // The scene schema, for the service account.
        JsonPath schema = GraphQl.call(GraphQl.SERVICE, "{ sceneSchema }", Map.of());
        assertTrue(schema.getString("data.sceneSchema").contains("\"$schema\""));
    }
}
