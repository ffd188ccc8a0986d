package org.nslab.renderer.gl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengles.GLES20.glGenBuffers;
import static org.lwjgl.opengles.GLES20.glDeleteBuffers;
import static org.lwjgl.opengles.GLES20.glIsBuffer;
import static org.lwjgl.opengles.GLES20.glIsFramebuffer;
import static org.lwjgl.opengles.GLES20.glIsRenderbuffer;
import static org.lwjgl.opengles.GLES20.glIsTexture;
import static org.lwjgl.opengles.GLES30.glIsVertexArray;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nslab.sdk.scene.Examples;
import org.nslab.sdk.scene.Scene;
import org.nslab.sdk.scene.SceneMath;
import org.nslab.sdk.scene.SceneParser;
import org.nslab.sdk.scene.ShaderLibrary;

/** The renderer draws what the scene says, on Mesa's surfaceless EGL (or a GPU), and frees what it creates. */
class OffscreenRendererTest {

    private static final ShaderLibrary SHADERS = new ShaderLibrary(List.of(Path.of("src/test/resources/broken-shaders")));
    private static final SceneParser PARSER = new SceneParser(SHADERS);
    private static ExecutorService glThread;
    private static EglDisplay display;
    private static OffscreenRenderer renderer;

    @BeforeAll
    static void start() throws Exception {
        glThread = Executors.newSingleThreadExecutor();
        glThread.submit(() -> {
            display = EglDisplay.acquire(EglDisplay.Platform.AUTO);
            renderer = new OffscreenRenderer(display, SHADERS);
        }).get();
    }

    @AfterAll
    static void stop() throws Exception {
        glThread.submit(() -> {
            renderer.close();
            display.close();
        }).get();
        glThread.shutdown();
    }

    private static <T> T onGl(java.util.concurrent.Callable<T> work) throws Exception {
        Future<T> f = glThread.submit(work);
        return f.get();
    }

    private static BufferedImage still(Scene scene, int w, int h, double t) throws Exception {
        return onGl(() -> {
            BufferedImage[] out = new BufferedImage[1];
            renderer.render(scene, w, h, new double[] {t}, false, (i, frame) -> out[0] = frame);
            return out[0];
        });
    }

    private static Scene scene(String json) {
        SceneParser.Result r = PARSER.parse(json);
        assertTrue(r.ok(), () -> r.problems().toString());
        return r.scene();
    }

    private static int[] rgb(int p) {
        return new int[] {(p >> 16) & 255, (p >> 8) & 255, p & 255};
    }

    @Test
    void theBackgroundIsTheGradientOfTheScene() throws Exception {
        Scene s = scene("""
            {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"background":{"top":"#ff0000","bottom":"#0000ff"}}""");
        BufferedImage image = still(s, 64, 32, 0);
        int[] top = rgb(image.getRGB(10, 0));
        int[] bottom = rgb(image.getRGB(10, 31));
        // gl_FragCoord.y of the top row is 31.5: 31.5/32 of the way from bottom to top.
        assertEquals(Math.round(255 * 31.5 / 32), top[0], 1);
        assertEquals(Math.round(255 * 0.5 / 32), top[2], 1);
        assertEquals(Math.round(255 * 0.5 / 32), bottom[0], 1);
        assertEquals(0, top[1]);
    }

    @Test
    void aLitBoxShowsItsColourWhereTheCameraSeesIt() throws Exception {
        Scene s = scene("""
            {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"background":{"top":"#000000","bottom":"#000000"},
             "lights":{"ambient":{"intensity":1},"directional":[]},
             "meshes":[{"primitive":"box","position":[1,0,0],"material":{"color":"#ff8000"}}]}""");
        BufferedImage image = still(s, 200, 100, 0);
        double[] vp = SceneMath.multiply(SceneMath.perspective(50, 2, 0.1, 1000), SceneMath.lookAt(new double[] {0, 0, 5}, new double[3]));
        double[] centre = SceneMath.toPixel(vp, new double[] {1, 0, 0.5}, 200, 100);
        assertTrue(centre[0] > 100);
        int[] box = rgb(image.getRGB((int) centre[0], (int) centre[1]));
        assertEquals(255, box[0]);
        assertEquals(128, box[1], 1);
        assertEquals(0, box[2]);
        assertEquals(0, image.getRGB(20, 50) & 0xffffff, "left of the box is background");
    }

    @Test
    void particlesMoveWithTimeAndTheSeedDecidesWhere() throws Exception {
        String template = """
            {"version":1,"camera":{"position":[0,0,6],"target":[0,0,0]},"background":{"top":"#000000","bottom":"#000000"},
             "particles":[{"count":2000,"seed":%d,"emitter":{"type":"sphere","radius":2},"speed":1,"size":[0.1,0.1]}]}""";
        BufferedImage a = still(scene(template.formatted(1)), 160, 90, 0);
        BufferedImage again = still(scene(template.formatted(1)), 160, 90, 0);
        BufferedImage later = still(scene(template.formatted(1)), 160, 90, 0.5);
        BufferedImage otherSeed = still(scene(template.formatted(2)), 160, 90, 0);
        assertEquals(0, meanDifference(a, again), "the same scene, time and seed draw the same pixels");
        assertTrue(meanDifference(a, later) > 1, "particles move over time");
        assertTrue(meanDifference(a, otherSeed) > 1, "another seed places them elsewhere");
        assertTrue(brightness(a) > 5, "the dots are visible: " + brightness(a));
    }

    @Test
    void everyExampleRendersAndAClipAdvancesTheCamera() throws Exception {
        for (String example : new String[] {Examples.JOURNEY_MAP, Examples.SHOWCASE}) {
            Scene s = scene(Examples.json(example));
            List<BufferedImage> frames = new ArrayList<>();
            onGl(() -> {
                renderer.render(s, 320, 180, new double[] {0, 5}, true, (i, f) -> frames.add(f));
                return null;
            });
            assertEquals(2, frames.size());
            java.nio.file.Files.createDirectories(Path.of("target/renders"));
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage f = frames.get(i);
                java.nio.file.Files.write(Path.of("target/renders/" + example.replace(".json", "-" + i + ".png")),
                        new org.nslab.renderer.output.PngEncoder(1).encode(org.nslab.renderer.output.Frames.pixels(f), f.getWidth(), f.getHeight()));
            }
            assertTrue(brightness(frames.get(0)) > 10, example);
            assertTrue(meanDifference(frames.get(0), frames.get(1)) > 1, example + " changes over time");
        }
    }

    @Test
    void aShaderThatFailsToCompileIsNamedAndTheContextKeepsWorking() throws Exception {
        Scene bad = scene("""
            {"version":1,"camera":{"position":[0,0,5],"target":[0,0,0]},"meshes":[{"primitive":"box","material":{"shader":"broken"}}]}""");
        ShaderCompileException e = assertThrows(ShaderCompileException.class, () -> {
            try {
                still(bad, 32, 32, 0);
            } catch (java.util.concurrent.ExecutionException ex) {
                throw ex.getCause();
            }
        });
        assertTrue(e.getMessage().startsWith("shader 'broken' (vertex) failed to compile"), e.getMessage());
        assertTrue(e.getMessage().contains("undefinedThing"), e.getMessage());
        assertTrue(brightness(still(scene(Examples.json(Examples.SHOWCASE)), 64, 36, 0)) > 10);
    }

    @Test
    void everyGlObjectAndNativeBufferIsFreed() throws Exception {
        Scene s = scene(Examples.json(Examples.SHOWCASE));
        int first = onGl(OffscreenRendererTest::probeName);
        int[] aliveWhileDrawing = new int[1];
        onGl(() -> {
            renderer.render(s, 64, 36, new double[] {0}, false, (i, f) -> aliveWhileDrawing[0] = alive(first, first + 500));
            return null;
        });
        for (int i = 0; i < 30; i++) {
            still(s, 64, 36, i * 0.1);
        }
        int last = onGl(OffscreenRendererTest::probeName);
        assertTrue(aliveWhileDrawing[0] > 10, "the probe sees the scene's objects while it is drawn: " + aliveWhileDrawing[0]);
        assertEquals(0, (int) onGl(() -> alive(first, last)), "GL objects left after 31 renders");
    }

    /** The next GL name handed out (then given back). */
    private static int probeName() {
        int name = glGenBuffers();
        glDeleteBuffers(name);
        return name;
    }

    /** How many names in [from, to) are live buffers, vertex arrays, textures, framebuffers or renderbuffers. */
    private static int alive(int from, int to) {
        int n = 0;
        for (int name = from; name < to; name++) {
            if (glIsBuffer(name) || glIsVertexArray(name) || glIsTexture(name) || glIsFramebuffer(name) || glIsRenderbuffer(name)) {
                n++;
            }
        }
        return n;
    }

    static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int[] p = rgb(a.getRGB(x, y));
                int[] q = rgb(b.getRGB(x, y));
                sum += Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]);
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    static double brightness(BufferedImage a) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int[] p = rgb(a.getRGB(x, y));
                sum += p[0] + p[1] + p[2];
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
