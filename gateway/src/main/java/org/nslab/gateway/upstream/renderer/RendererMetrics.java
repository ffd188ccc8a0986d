package org.nslab.gateway.upstream.renderer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.nslab.gateway.upstream.Upstream;

/**
 * Metrics of every call to the renderer: {@code nslab.upstream.calls} (timer, tags service, operation, outcome
 * success/failure) and {@code nslab.upstream.failures} (counter, tags service, operation, reason), named and tagged as
 * {@link Upstream}'s so that one meter counts every service's calls.
 */
@ApplicationScoped
public class RendererMetrics {

    static final String SERVICE = "renderer";

    private final MeterRegistry registry;

    public RendererMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A started call; {@link Call#succeeded()} or {@link Call#failed()} records it once. */
    public Call start(String operation) {
        return new Call(operation, Timer.start(registry));
    }

    public final class Call {
        private final String operation;
        private final Timer.Sample sample;
        private boolean recorded;

        private Call(String operation, Timer.Sample sample) {
            this.operation = operation;
            this.sample = sample;
        }

        public void succeeded() {
            record("success");
        }

        public void failed() {
            failed(null);
        }

        /** A failed call; {@code cause} (may be null) gives the reason: timeout, unreachable or error. */
        public void failed(Throwable cause) {
            if (record("failure")) {
                Counter.builder(Upstream.FAILURES).description("Calls from the gateway that failed: service down, slow or answering nonsense")
                        .tags("service", SERVICE, "operation", operation, "reason", cause == null ? "error" : Upstream.reason(cause))
                        .register(registry).increment();
            }
        }

        private synchronized boolean record(String outcome) {
            if (recorded) {
                return false;
            }
            recorded = true;
            sample.stop(Timer.builder(Upstream.CALLS).description("Calls from the gateway to a service behind it")
                    .tag("service", SERVICE).tag("operation", operation).tag("outcome", outcome).register(registry));
            return true;
        }
    }
}
