package org.nslab.sdk.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SceneParserTest {

    private final SceneParser parser = new SceneParser(ShaderLibrary.classpath());

    @Test
    void theExamplesAreValidAndGetTheirDefaults() {
        SceneParser.Result journey = parser.parse(Examples.json(Examples.JOURNEY_MAP));
        assertTrue(journey.ok(), () -> journey.problems().toString());
        assertEquals(10_000, journey.scene().particleCount());
        assertEquals(10.0, journey.scene().pathDuration());
        assertEquals("mesh", journey.scene().meshes().get(1).material().shader());
        assertEquals(Easing.linear, journey.scene().cameraPath().keyframes().get(0).easing());

        SceneParser.Result showcase = parser.parse(Examples.json(Examples.SHOWCASE));
        assertTrue(showcase.ok(), () -> showcase.problems().toString());
        assertEquals(1, showcase.scene().terrains().size());
        assertEquals(Scene.Colormap.viridis, showcase.scene().heatmaps().get(0).colormap());
    }

    @Test
    void aMinimalSceneNeedsOnlyVersionAndCamera() {
        SceneParser.Result r = parser.parse("{\"version\":1,\"camera\":{\"position\":[0,0,5],\"target\":[0,0,0]}}");
        assertTrue(r.ok(), () -> r.problems().toString());
        assertEquals(50.0, r.scene().camera().fov());
        assertEquals("background", r.scene().background().shader());
        assertEquals(1, r.scene().lights().directional().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        not JSON            | {"version":1,                                                           |      | malformed scene: not valid JSON
        not an object       | [1,2]                                                                   |      | a JSON object is expected
        wrong version       | {"version":2,"camera":{"position":[0,0,5],"target":[0,0,0]}}            | /version |
        unknown field       | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"foo":1}    |      | foo
        camera missing      | {"version":1}                                                           |      | camera
        fov too wide        | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0],"fov":200}}  | /camera/fov |
        camera at target    | {"version":1,"camera":{"position":[0,0,0],"target":[0,0,0]}}            | /camera | must differ
        bad colour          | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"background":{"top":"red"}} | /background/top |
        unknown shader      | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"meshes":[{"primitive":"box","material":{"shader":"no-such"}}]} | /meshes/0/material/shader | unknown shader 'no-such'
        too many particles  | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"particles":[{"count":200001,"emitter":{"type":"sphere"}}]} | /particles/0/count |
        too many in all     | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"particles":[{"count":150000,"emitter":{"type":"sphere"}},{"count":150000,"emitter":{"type":"sphere"}}]} | /particles | too many particles: 300000
        path without points | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"particles":[{"count":10,"emitter":{"type":"path"}}]} | /particles/0/emitter/points | needs 2 to 16 points
        heat map size       | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"heatmaps":[{"rows":2,"cols":2,"values":[1,2,3]}]} | /heatmaps/0/values | expected rows × cols = 4 values, found 3
        heat map too big    | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"heatmaps":[{"rows":513,"cols":2,"values":[]}]} | /heatmaps/0/rows |
        terrain size        | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"terrains":[{"rows":2,"cols":2,"heights":[1]}]} | /terrains/0/heights | expected rows × cols = 4 heights
        keyframes backwards | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"cameraPath":{"keyframes":[{"time":2,"position":[0,0,5],"target":[0,0,0]},{"time":1,"position":[0,0,6],"target":[0,0,0]}]}} | /cameraPath/keyframes/1/time | must increase
        negative scale      | {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"meshes":[{"primitive":"box","scale":[1,-1,1]}]} | /meshes/0/scale/1 |
        """)
    void badScenesAreRejectedNamingTheProblem(String what, String json, String pointer, String message) {
        SceneParser.Result r = parser.parse(json);
        assertNull(r.scene(), what);
        assertTrue(!r.problems().isEmpty(), what);
        List<Problem> problems = r.problems();
        if (pointer != null) {
            assertTrue(problems.stream().anyMatch(p -> p.pointer().equals(pointer)), () -> what + ": " + problems);
        }
        if (message != null) {
            assertTrue(problems.stream().anyMatch(p -> p.message().contains(message)), () -> what + ": " + problems);
        }
    }

    @Test
    void outputLimitsNameTheField() {
        assertTrue(SceneLimits.checkOutput(1920, 1080, 10, 30).isEmpty());
        assertTrue(SceneLimits.checkOutput(3840, 2160, 0, 30).isEmpty());
        assertEquals("/width", SceneLimits.checkOutput(3841, 2160, 0, 30).get(0).pointer());
        assertEquals("/height", SceneLimits.checkOutput(3840, 2161, 0, 30).get(0).pointer());
        Problem frames = SceneLimits.checkOutput(640, 360, 40, 60).get(0);
        assertEquals("/duration", frames.pointer());
        assertTrue(frames.message().startsWith("too many frames: 2400"), frames.message());
        assertEquals(1, SceneLimits.frames(0, 30));
        assertEquals(300, SceneLimits.frames(10, 30));
    }
}
