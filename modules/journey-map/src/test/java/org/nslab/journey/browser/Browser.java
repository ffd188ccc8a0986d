package org.nslab.journey.browser;

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
 * Headless Debian Chromium through chromedriver (no Selenium Manager, nothing downloaded). With WebGL it draws with
 * Mesa's llvmpipe ({@code --use-angle=gl-egl --ignore-gpu-blocklist}, see shared/notes/rendering.md); without, every
 * 3D API is off. The viewport is set exactly (chromedriver's window size includes browser chrome).
 */
final class Browser {

    private Browser() {
    }

    static ChromeDriver start(boolean webgl, int width, int height) throws IOException {
        Path home = Files.createDirectories(Path.of("target", "chromium").toAbsolutePath());
        Path profile = Files.createTempDirectory(home, "profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(Map.of("HOME", home.toString(), "MESA_SHADER_CACHE_DIR", home.resolve("mesa").toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        List<String> args = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height));
        if (webgl) {
            args.addAll(List.of("--use-angle=gl-egl", "--ignore-gpu-blocklist"));
        } else {
            args.addAll(List.of("--disable-webgl", "--disable-3d-apis"));
        }
        options.addArguments(args);
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return driver;
    }
}
