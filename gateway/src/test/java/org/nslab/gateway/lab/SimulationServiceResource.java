package org.nslab.gateway.lab;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nslab.testing.PackagedSimulation;
import org.nslab.testing.TestServers;

/**
 * The real simulation service beside the gateway under test: its packaged application (built by the reactor before the
 * gateway, see the gateway's pom) as a separate process on a free port, on the same test PostgreSQL, Kafka and Keycloak,
 * with the simulation's own test settings for the reference model (2 layers, width 32, 20 steps: ready in seconds).
 * The gateway's typed client is pointed at it.
 */
public class SimulationServiceResource implements QuarkusTestResourceLifecycleManager {

    /** Where the tests (and the benchmark) find the service directly. */
    public static final String URL_PROPERTY = "nslab.test.simulation-url";

    private PackagedSimulation simulation;

    @Override
    public Map<String, String> start() {
        simulation = PackagedSimulation.start(TestServers.repositoryRoot().resolve("gateway/target/simulation-service"),
                List.of("-Dnslab.simulation.data.warm-up=false", "-Dnslab.simulation.runs.workers=1"));
        String url = simulation.url() + "/graphql";
        System.setProperty(URL_PROPERTY, url);
        Map<String, String> config = new LinkedHashMap<>(TestServers.quarkusConfig());
        config.put("quarkus.smallrye-graphql-client.simulation.url", url);
        config.put("nslab.simulation.url", simulation.url()); // the microscope pass-through (upstream/simulation/SimulationPassThrough)
        config.put(URL_PROPERTY, url);
        return config;
    }

    @Override
    public void stop() {
        if (simulation != null) {
            simulation.close();
        }
    }
}
