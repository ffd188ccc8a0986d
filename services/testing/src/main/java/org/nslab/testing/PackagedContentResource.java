package org.nslab.testing;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real content service beside a service under test that loads its course from it:
 * {@code @WithTestResource(PackagedContentResource.class)} sets {@code nslab.content.url}. Work folder and log:
 * {@code target/content-service} of the module under test.
 */
public class PackagedContentResource implements QuarkusTestResourceLifecycleManager {

    /** Where the content service of a test keeps its log, and where further replicas publish from. */
    public static final Path WORK = Path.of("target", "content-service").toAbsolutePath();

    private PackagedContent content;

    @Override
    public Map<String, String> start() {
        content = PackagedContent.start(WORK, null);
        return Map.of("nslab.content.url", content.url());
    }

    /** The content release the service under test works with, from its readiness check; null before one is loaded. */
    public static String releaseInUse() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'content release' }.data.releaseId");
    }

    /** Waits until the service under test works with another release than {@code before} (a minute at most); returns it. */
    public static String awaitReleaseOtherThan(String before) throws InterruptedException {
        return awaitRelease(before, false);
    }

    /** Waits until the service under test works with {@code release} again (a minute at most). */
    public static void awaitRelease(String release) throws InterruptedException {
        awaitRelease(release, true);
    }

    private static String awaitRelease(String release, boolean same) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String now = releaseInUse();
        while (now == null || now.equals(release) != same) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the service still works with release " + now + " a minute after "
                        + (same ? "release " + release + " was published again" : "another release was published"));
            }
            Thread.sleep(200);
            now = releaseInUse();
        }
        return now;
    }

    @Override
    public void stop() {
        if (content != null) {
            content.close();
        }
    }
}
