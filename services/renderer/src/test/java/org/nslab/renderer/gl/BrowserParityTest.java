package org.nslab.renderer.gl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nslab.renderer.output.Frames;
import org.nslab.renderer.output.PngEncoder;
import org.nslab.sdk.scene.Examples;
import org.nslab.sdk.scene.Scene;
import org.nslab.sdk.scene.SceneParser;
import org.nslab.sdk.scene.ShaderLibrary;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Parity: the same scene drawn by the renderer (LWJGL, GLES 3 on EGL) and by headless Chromium with
 * three.js and the SDK runtime, both on Mesa llvmpipe (Chromium: ANGLE on EGL, {@code --use-angle=gl-egl
 * --ignore-gpu-blocklist}). The images must match: mean absolute difference below 1 on 0..255.
 * Both images and the figures land in {@code target/parity/}.
 */
class BrowserParityTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/parity").toAbsolutePath();
    private static HttpServer server;
    private static ChromeDriver browser;
    private static ExecutorService glThread;
    private static EglDisplay display;
    private static OffscreenRenderer renderer;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(WORK.resolve("home"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/three/", REPO.resolve("modules/sdk/scene/js/node_modules/three/build"));
        serve("/scene/", REPO.resolve("modules/sdk/scene/js/src"));
        serve("/shaders/", REPO.resolve("shaders"));
        serve("/examples/", REPO.resolve("modules/sdk/scene/examples"));
        serve("/parity/", Path.of("src/test/resources/parity").toAbsolutePath());
        server.start();

        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "the parity test needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does)");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(Map.of("HOME", WORK.resolve("home").toString(),
                        "MESA_SHADER_CACHE_DIR", WORK.resolve("mesa-cache").toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--use-angle=gl-egl", "--ignore-gpu-blocklist", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + WORK.resolve("profile"), "--window-size=800,600");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));

        glThread = Executors.newSingleThreadExecutor();
        glThread.submit(() -> {
            display = EglDisplay.acquire(EglDisplay.Platform.SURFACELESS);
            renderer = new OffscreenRenderer(display, ShaderLibrary.classpath());
        }).get();
    }

    private static void serve(String prefix, Path dir) {
        server.createContext(prefix, exchange -> {
            String name = exchange.getRequestURI().getPath().substring(prefix.length());
            Path file = dir.resolve(name).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".html") ? "text/html"
                    : name.endsWith(".json") ? "application/json" : "text/plain";
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
        if (glThread != null) {
            glThread.submit(() -> {
                if (renderer != null) {
                    renderer.close();
                }
                if (display != null) {
                    display.close();
                }
            }).get();
            glThread.shutdown();
        }
    }

    @ParameterizedTest(name = "{0} at t={1}, {2}×{3}")
    @CsvSource({"showcase.json, 1.3, 640, 360", "journey-map.json, 2.5, 640, 360", "showcase.json, 0, 1280, 720"})
    void theBrowserAndTheRendererDrawTheSamePixels(String example, double t, int width, int height) throws Exception {
        browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/parity/index.html?scene=" + example + "&t=" + t
                + "&width=" + width + "&height=" + height);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.parity.then(done);");
        assertNull(result.get("error"), () -> "the page failed: " + result.get("error"));
        String glRenderer = (String) result.get("renderer");
        assertTrue(glRenderer.contains("llvmpipe"), "Chromium draws with Mesa's llvmpipe: " + glRenderer);
        byte[] browserPixels = Base64.getDecoder().decode((String) result.get("pixels"));
        assertEquals(width * height * 4, browserPixels.length);
        BufferedImage fromBrowser = Frames.toImage(ByteBuffer.wrap(browserPixels), width, height);

        SceneParser.Result parsed = new SceneParser(ShaderLibrary.classpath()).parse(Examples.json(example));
        Scene scene = parsed.scene();
        BufferedImage fromRenderer = glThread.submit(() -> {
            BufferedImage[] out = new BufferedImage[1];
            renderer.render(scene, width, height, new double[] {t}, false, (i, frame) -> out[0] = frame);
            return out[0];
        }).get();

        int[] a = Frames.pixels(fromBrowser);
        int[] b = Frames.pixels(fromRenderer);
        long sum = 0;
        int max = 0;
        int identical = 0;
        for (int i = 0; i < a.length; i++) {
            int d = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                int diff = Math.abs(((a[i] >> shift) & 255) - ((b[i] >> shift) & 255));
                d += diff;
                max = Math.max(max, diff);
            }
            sum += d;
            identical += d == 0 ? 1 : 0;
        }
        double mad = sum / (3.0 * a.length);
        String name = example.replace(".json", "") + "-t" + t + "-" + width + "x" + height;
        PngEncoder png = new PngEncoder(1);
        Files.write(WORK.resolve(name + "-browser.png"), png.encode(a, width, height));
        Files.write(WORK.resolve(name + "-renderer.png"), png.encode(b, width, height));
        String line = String.format("%s: MAD %.4f, max %d, identical pixels %.2f %%, browser %s, renderer %s%n", name, mad, max,
                100.0 * identical / a.length, glRenderer, renderer.renderer());
        Files.writeString(WORK.resolve("results.txt"), line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.print("[parity] " + line);
        assertTrue(mad < 1.0, "mean absolute pixel difference " + mad + " (max " + max + ")");
        double brightness = 0;
        for (int p : b) {
            brightness += ((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255);
        }
        assertTrue(brightness / (3.0 * b.length) > 5, "the scene is actually drawn, not two black images");
    }

}
