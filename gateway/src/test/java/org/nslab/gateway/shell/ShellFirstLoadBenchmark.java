package org.nslab.gateway.shell;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.nslab.sdk.conformance.Chromium;
import org.nslab.testing.TestServersResource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Shell first load in headless Chromium, cold cache each time: first contentful paint, time until the shell is
 * ready (catalogue loaded and rendered), and bytes transferred. A benchmark, not a test: it asserts nothing and
 * only runs with {@code -Dnslab.bench=true}:
 * {@code ./mvnw -B -pl gateway verify -Dnslab.bench=true -Dtest=ShellFirstLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@WithTestResource(TestServersResource.class)
@EnabledIfSystemProperty(named = "nslab.bench", matches = "true")
class ShellFirstLoadBenchmark {

    private static final int RUNS = 10;

    @TestHTTPResource("/")
    URL root;

    @Test
    void measureFirstLoad() {
        List<double[]> samples = new ArrayList<>();
        ChromeDriver chrome = Chromium.start(1280, 800);
        try {
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            for (int i = 0; i < RUNS + 1; i++) {
                chrome.get("about:blank");
                chrome.get(root.toString());
                new WebDriverWait(chrome, Duration.ofSeconds(60)).until(d -> "true".equals(chrome.executeScript(
                        "return document.documentElement.dataset.ready || ''")));
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) chrome.executeScript("""
                        const nav = performance.getEntriesByType('navigation')[0];
                        const res = performance.getEntriesByType('resource');
                        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                        const ready = performance.getEntriesByName('nslab-shell-ready')[0];
                        const js = res.filter(r => r.initiatorType === 'script' || r.name.endsWith('.js'));
                        return { fcp: fcp ? fcp.startTime : -1, ready: ready ? ready.startTime : -1,
                                 bytes: nav.transferSize + res.reduce((a, r) => a + r.transferSize, 0),
                                 jsBytes: js.reduce((a, r) => a + r.transferSize, 0), requests: res.length + 1 };""");
                if (i > 0) { // the first run warms the JIT of the gateway, not the browser cache (disabled)
                    samples.add(new double[]{num(m.get("fcp")), num(m.get("ready")), num(m.get("bytes")), num(m.get("jsBytes")), num(m.get("requests"))});
                }
            }
        } finally {
            chrome.quit();
        }
        String[] names = {"first contentful paint ms", "shell ready ms", "bytes transferred", "JavaScript bytes", "requests"};
        StringBuilder report = new StringBuilder("\nshell first load, " + RUNS + " cold loads:\n");
        for (int k = 0; k < names.length; k++) {
            final int col = k;
            double[] v = samples.stream().mapToDouble(s -> s[col]).sorted().toArray();
            report.append(String.format("  %-28s median %.1f  min %.1f  max %.1f%n", names[k], v[v.length / 2], v[0], v[v.length - 1]));
        }
        System.out.println(report);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
