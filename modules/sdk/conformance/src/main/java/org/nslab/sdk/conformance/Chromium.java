package org.nslab.sdk.conformance;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium through the system's chromedriver (Debian: {@code apt-get install chromium chromium-driver}),
 * with WebGL2 on Mesa's software renderer. Override the binaries with {@code NSLAB_CHROMIUM} and
 * {@code NSLAB_CHROMEDRIVER}.
 */
public final class Chromium {

    private Chromium() {
    }

    public static ChromeDriver start(int width, int height) {
        String binary = System.getenv().getOrDefault("NSLAB_CHROMIUM", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("NSLAB_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(driver).canExecute()) {
            throw new IllegalStateException("headless Chromium is needed: apt-get install -y chromium chromium-driver (looked for "
                    + binary + " and " + driver + ")");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        String profile;
        try {
            profile = Files.createTempDirectory("nslab-chromium").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--use-angle=gl-egl", "--ignore-gpu-blocklist", "--user-data-dir=" + profile, "--window-size=" + width + "," + height));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return chrome;
    }
}
