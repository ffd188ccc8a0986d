package org.nslab.microscope.browser;

import java.time.Duration;
import org.nslab.sdk.conformance.Chromium;
import org.nslab.sdk.testing.PlatformStack;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The shared headless Chromium (WebGL on Mesa's llvmpipe) with the microscope's test page and its waits. */
final class Browser implements AutoCloseable {

    final ChromeDriver driver;

    Browser() {
        driver = Chromium.start(1400, 1000);
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
