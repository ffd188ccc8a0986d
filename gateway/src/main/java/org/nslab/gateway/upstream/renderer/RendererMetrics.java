package org.nslab.gateway.upstream.renderer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Metrics of every call to the renderer: {@code nslab.upstream.calls} (timer, tags service, operation, outcome
 * success/failure) and {@code nslab.upstream.failures} (counter, tags service, operation).
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
            if (record("failure")) {
                Counter.builder("nslab.upstream.failures").description("Calls to an upstream service that failed or timed out")
                        .tag("service", SERVICE).tag("operation", operation).register(registry).increment();
            }
        }

        private synchronized boolean record(String outcome) {
            if (recorded) {
                return false;
            }
            recorded = true;
            sample.stop(Timer.builder("nslab.upstream.calls").description("Calls from the gateway to an upstream service")
                    .tag("service", SERVICE).tag("operation", operation).tag("outcome", outcome).register(registry));
            return true;
        }
    }
}
