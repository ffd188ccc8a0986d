package org.nslab.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real simulation service for the tests of the services that call it: its packaged application
 * ({@code services/simulation/target/quarkus-app}, built by the reactor first) as a separate process on a free
 * port, on the test PostgreSQL, Kafka and Keycloak, with the simulation's own small test reference model
 * (2 layers, width 32, 20 steps: ready in seconds).
 */
public final class PackagedSimulation implements AutoCloseable {

    private final PackagedService service;

    private PackagedSimulation(PackagedService service) {
        this.service = service;
    }

    /**
     * Starts the service with its state and log ({@code simulation.log}) under {@code work} and waits until it is ready.
     *
     * @param extraOptions further JVM options, e.g. {@code -Dnslab.simulation.runs.workers=1}
     */
    public static PackagedSimulation start(Path work, List<String> extraOptions) {
        List<String> options = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dnslab.simulation.reference.layers=2", "-Dnslab.simulation.reference.heads=2",
                "-Dnslab.simulation.reference.width=32", "-Dnslab.simulation.reference.context-length=32",
                "-Dnslab.simulation.reference.steps=20", "-Dnslab.simulation.reference.batch=4",
                "-Dnslab.simulation.reference.data-dir=" + work.resolve("reference-model"),
                "-Dnslab.simulation.data-dir=" + work.resolve("data")));
        options.addAll(extraOptions);
        return new PackagedSimulation(PackagedService.start("services/simulation", work, options));
    }

    /** {@code http://127.0.0.1:<port>}, without a path. */
    public String url() {
        return service.url();
    }

    @Override
    public void close() {
        service.close();
    }
}
