package org.nslab.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every service of the platform answers, whatever else it does: liveness, readiness with a
 * check per dependency it owns, and Prometheus metrics. A service's test extends this with
 * {@code @QuarkusTest @WithTestResource(TestServersResource.class)}.
 */
public abstract class ServiceBasicsContract {

    /** The names of the readiness checks this service must report, e.g. the database's. */
    protected abstract String[] readinessChecks();

    @Test
    void isAliveAndReadyWithEveryDependencyItOwns() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        var ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        for (String check : readinessChecks()) {
            ready.body("checks.name", hasItem(check));
        }
    }

    @Test
    void servesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("process_uptime_seconds"));
    }
}
