package org.nslab.gateway.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How long the gateway waits for a service behind it: {@code nslab.upstream.timeout} for every service, and
 * {@code nslab.upstream.services.<service>.timeout} for one (e.g. the simulation's heavier operations).
 */
@ConfigMapping(prefix = "nslab.upstream")
public interface UpstreamConfig {

    /** Longest wait for one call to any service. */
    @WithDefault("10s")
    Duration timeout();

    /** Per service (content, progress, quiz, simulation, analytics, renderer, …), overriding {@link #timeout()}. */
    Map<String, ServiceConfig> services();

    interface ServiceConfig {
        Optional<Duration> timeout();

        /** Per operation of the service ({@code nslab.upstream.services.simulation.operations.dataPipeline=300s}). */
        Map<String, Duration> operations();
    }

    default Duration timeoutOf(String service) {
        ServiceConfig own = services().get(service);
        return own == null ? timeout() : own.timeout().orElse(timeout());
    }

    default Duration timeoutOf(String service, String operation) {
        ServiceConfig own = services().get(service);
        Duration op = own == null ? null : own.operations().get(operation);
        return op != null ? op : timeoutOf(service);
    }
}
