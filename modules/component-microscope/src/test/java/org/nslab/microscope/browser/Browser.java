package org.nslab.microscope.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.nslab.microscope.stack.PlatformStack;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium drawing WebGL with Mesa's llvmpipe (flags from shared/notes/rendering.md). */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;

    Browser() {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=1400,1000",
                    "--use-angle=gl-egl", "--ignore-gpu-blocklist",
                    "--user-data-dir=" + Files.createTempDirectory("nsm-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
            driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1400, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the test page (the module mounted with a host built from the browser SDK) and waits for the first view. */
    void open(boolean reducedMotion) {
        driver.get(PlatformStack.moduleUrl() + "/component-microscope-test/index.html?gateway=" + PlatformStack.gatewayUrl() + "/graphql"
                + (reducedMotion ? "&reducedMotion=1" : ""));
        waitFor("window.microscopeTest && (microscopeTest.error || (microscopeTest.ready && microscopeTest.updates.length > 0))",
                Duration.ofSeconds(60));
        Object error = js("return microscopeTest.error");
        if (error != null) {
            throw new AssertionError("the module did not mount: " + error);
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void waitFor(String condition, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(js("return !!(" + condition + ")")));
    }

    long updates() {
        return ((Number) js("return microscopeTest.updates.length")).longValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
