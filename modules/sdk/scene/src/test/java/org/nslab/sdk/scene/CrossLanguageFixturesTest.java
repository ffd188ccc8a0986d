package org.nslab.sdk.scene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Writes what the Java side computes (camera uniforms along the Journey Map's path, model matrices,
 * primitive and terrain vertex data, as float32) to {@code target/scene-fixtures.json}; the runtime's
 * {@code js/test/fixtures.test.js} (run by Maven right after) checks the JS side computes the same floats.
 */
class CrossLanguageFixturesTest {

    @Test
    void writeFixturesForTheJsRuntime() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        SceneParser parser = new SceneParser(ShaderLibrary.classpath());
        for (String example : new String[] {Examples.JOURNEY_MAP, Examples.SHOWCASE}) {
            Scene scene = parser.parse(Examples.json(example)).scene();
            ObjectNode node = root.putObject(example);
            ArrayNode frames = node.putArray("frames");
            for (double t : new double[] {-1, 0, 0.7, 2.5, 4, 6.25, 9.99, 10, 31.4}) {
                SceneMath.CameraState c = SceneMath.cameraAt(scene, t);
                double[] vp = SceneMath.multiply(SceneMath.perspective(c.fov(), 1280 / 720.0, c.near(), c.far()),
                        SceneMath.lookAt(c.position(), c.target()));
                ObjectNode f = frames.addObject();
                f.put("t", t);
                floats(f.putArray("viewProjection"), SceneMath.toFloats(vp));
            }
            ArrayNode models = node.putArray("meshModels");
            for (Scene.Mesh m : scene.meshes()) {
                floats(models.addArray(), SceneMath.toFloats(SceneMath.model(m.position(), m.rotation(), m.scale())));
            }
            ArrayNode terrains = node.putArray("terrains");
            for (Scene.Terrain t : scene.terrains()) {
                Geometry g = Geometry.terrain(t);
                ObjectNode tn = terrains.addObject();
                floats(tn.putArray("positions"), g.positions());
                floats(tn.putArray("values"), g.values());
            }
        }
        ObjectNode primitives = root.putObject("primitives");
        for (Scene.Primitive p : Scene.Primitive.values()) {
            Geometry g = Geometry.of(p, 24);
            ObjectNode pn = primitives.putObject(p.name());
            floats(pn.putArray("positions"), g.positions());
            floats(pn.putArray("normals"), g.normals());
            ArrayNode ix = pn.putArray("indices");
            for (int i : g.indices()) {
                ix.add(i);
            }
        }
        Path out = Path.of("target/scene-fixtures.json");
        Files.createDirectories(out.getParent());
        json.writeValue(out.toFile(), root);
        assertTrue(Files.size(out) > 10_000);
    }

    private static void floats(ArrayNode array, float[] values) {
        for (float v : values) {
            array.add(v);
        }
    }
}
