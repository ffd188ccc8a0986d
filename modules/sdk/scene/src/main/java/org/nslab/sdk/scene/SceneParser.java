package org.nslab.sdk.scene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a scene description: the JSON Schema ({@code scene.v1.schema.json}) first, then the checks a schema
 * cannot express (grid sizes match their values, keyframe times increase, total particles, shader names exist).
 * Every problem is reported at once, with its JSON pointer.
 */
public final class SceneParser {

    /** Longest scene document accepted, in characters (a 512×512 heat map fits). */
    public static final int MAX_JSON_CHARS = 8 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Schema SCHEMA = loadSchema();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_JSON_CHARS).build());
    }

    public record Result(Scene scene, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Predicate<String> shaderExists;

    /** @param shaderExists whether a program of that name exists in {@code shaders/} */
    public SceneParser(Predicate<String> shaderExists) {
        this.shaderExists = shaderExists;
    }

    public SceneParser(ShaderLibrary shaders) {
        this(shaders::exists);
    }

    public Result parse(String json) {
        if (json == null || json.isBlank()) {
            return fail("", "scene is empty");
        }
        if (json.length() > MAX_JSON_CHARS) {
            return fail("", "scene is too large: " + json.length() + " characters, at most " + MAX_JSON_CHARS);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return fail("", "malformed scene: not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        return parse(tree);
    }

    public Result parse(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return fail("", "malformed scene: a JSON object is expected");
        }
        List<Problem> problems = new ArrayList<>(SCHEMA.validate(tree).stream()
                .map(error -> new Problem(error.getInstanceLocation().toString(),
                        withValue(error.getMessage(), tree.at(error.getInstanceLocation().toString()))))
                .sorted(Comparator.comparing(Problem::pointer))
                .toList());
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        Scene scene;
        try {
            scene = MAPPER.treeToValue(tree, Scene.class);
        } catch (JsonProcessingException e) {
            return fail("", "malformed scene: " + e.getOriginalMessage());
        }
        problems.addAll(check(scene));
        return new Result(problems.isEmpty() ? scene : null, problems);
    }

    /** The checks beyond the schema, for a scene built in code. */
    public List<Problem> check(Scene scene) {
        List<Problem> problems = new ArrayList<>();
        double[] p = scene.camera().position();
        double[] t = scene.camera().target();
        if (p[0] == t[0] && p[1] == t[1] && p[2] == t[2]) {
            problems.add(new Problem("/camera", "camera position and target must differ"));
        }
        if (scene.camera().near() >= scene.camera().far()) {
            problems.add(new Problem("/camera/near", "near must be smaller than far"));
        }
        if (scene.cameraPath() != null) {
            List<Scene.Keyframe> keys = scene.cameraPath().keyframes();
            for (int i = 0; i < keys.size(); i++) {
                Scene.Keyframe k = keys.get(i);
                if (i > 0 && k.time() <= keys.get(i - 1).time()) {
                    problems.add(new Problem("/cameraPath/keyframes/" + i + "/time", "keyframe times must increase"));
                }
                if (k.position()[0] == k.target()[0] && k.position()[1] == k.target()[1] && k.position()[2] == k.target()[2]) {
                    problems.add(new Problem("/cameraPath/keyframes/" + i, "camera position and target must differ"));
                }
            }
        }
        shader(problems, "/background/shader", scene.background().shader());
        for (int i = 0; i < scene.meshes().size(); i++) {
            shader(problems, "/meshes/" + i + "/material/shader", scene.meshes().get(i).material().shader());
        }
        if (scene.particleCount() > SceneLimits.MAX_PARTICLES) {
            problems.add(new Problem("/particles", "too many particles: " + scene.particleCount() + " in all, at most "
                    + SceneLimits.MAX_PARTICLES));
        }
        for (int i = 0; i < scene.particles().size(); i++) {
            Scene.Particles ps = scene.particles().get(i);
            String at = "/particles/" + i;
            shader(problems, at + "/shader", ps.shader());
            if (ps.emitter().type() == Scene.EmitterType.path && ps.emitter().points().size() < 2) {
                problems.add(new Problem(at + "/emitter/points", "a path emitter needs 2 to 16 points"));
            }
            if (ps.size()[0] > ps.size()[1]) {
                problems.add(new Problem(at + "/size", "size is [min, max]: min must not exceed max"));
            }
        }
        long cells = 0;
        for (int i = 0; i < scene.heatmaps().size(); i++) {
            Scene.HeatMap h = scene.heatmaps().get(i);
            String at = "/heatmaps/" + i;
            shader(problems, at + "/shader", h.shader());
            cells += (long) h.rows() * h.cols();
            if (h.values().length != h.rows() * h.cols()) {
                problems.add(new Problem(at + "/values", "expected rows × cols = " + h.rows() * h.cols() + " values, found "
                        + h.values().length));
            }
            if (!(h.domain()[0] < h.domain()[1])) {
                problems.add(new Problem(at + "/domain", "domain is [min, max] with min < max"));
            }
        }
        for (int i = 0; i < scene.terrains().size(); i++) {
            Scene.Terrain tr = scene.terrains().get(i);
            String at = "/terrains/" + i;
            shader(problems, at + "/shader", tr.shader());
            cells += (long) tr.rows() * tr.cols();
            if (tr.heights().length != tr.rows() * tr.cols()) {
                problems.add(new Problem(at + "/heights", "expected rows × cols = " + tr.rows() * tr.cols() + " heights, found "
                        + tr.heights().length));
            }
        }
        if (cells > SceneLimits.MAX_GRID_CELLS) {
            problems.add(new Problem("", "heat maps and terrains have " + cells + " cells in all, at most " + SceneLimits.MAX_GRID_CELLS));
        }
        return problems;
    }

    /** A schema message with the offending value when it is short ("must have a maximum value of 170, was 200"). */
    private static String withValue(String message, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isMissingNode() && value.asText().length() <= 40) {
            return message + ", was " + value;
        }
        return message;
    }

    private void shader(List<Problem> problems, String pointer, String name) {
        if (!shaderExists.test(name)) {
            problems.add(new Problem(pointer, "unknown shader '" + name + "': no " + name + ".vert and " + name + ".frag in shaders/"));
        }
    }

    private static Result fail(String pointer, String message) {
        return new Result(null, List.of(new Problem(pointer, message)));
    }

    /** The JSON Schema, as published in {@code modules/sdk/scene/schema/}. */
    public static String schemaText() {
        try (InputStream in = SceneParser.class.getResourceAsStream("scene.v1.schema.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema loadSchema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaText());
    }
}
