package org.nslab.sdk.conformance;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one headless browser of the platform's tests: Chromium through the system's chromedriver (Debian:
 * {@code apt-get install chromium chromium-driver}; nothing downloaded), with WebGL2 on Mesa's software renderer
 * ({@code --use-angle=gl-egl --ignore-gpu-blocklist}, see shared/notes/rendering.md) or with every 3D API off. The
 * viewport is set exactly (chromedriver's window size includes browser chrome); the performance log (timing tests)
 * and the console log (diagnostics) are recorded. Override the binaries with {@code NSLAB_CHROMIUM} and {@code NSLAB_CHROMEDRIVER}.
 */
public final class Chromium {

    private Chromium() {
    }

    /** A browser with WebGL2. */
    public static ChromeDriver start(int width, int height) {
        return start(width, height, true);
    }

    /** @param webgl false turns off WebGL and every other 3D API (to see a module's text alternative) */
    public static ChromeDriver start(int width, int height, boolean webgl) {
        String binary = System.getenv().getOrDefault("NSLAB_CHROMIUM", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("NSLAB_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(driver).canExecute()) {
            throw new IllegalStateException("headless Chromium is needed: apt-get install -y chromium chromium-driver (looked for "
                    + binary + " and " + driver + ")");
        }
        Path home;
        Path profile;
        try {
            home = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "nslab-chromium"));
            profile = Files.createTempDirectory(home, "profile");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        List<String> args = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + width + "," + height));
        args.addAll(webgl ? List.of("--use-angle=gl-egl", "--ignore-gpu-blocklist") : List.of("--disable-webgl", "--disable-3d-apis"));
        options.addArguments(args);
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString(), "MESA_SHADER_CACHE_DIR", home.resolve("mesa").toString()))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return chrome;
    }
}
