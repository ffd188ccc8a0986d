package org.nslab.gateway.upstream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one way the gateway calls a service behind it: every call has a deadline ({@link UpstreamConfig}), is timed
 * ({@code nslab.upstream.calls}, tags {@code service}, {@code operation}, {@code outcome}), counts its failures
 * ({@code nslab.upstream.failures}, tags {@code service}, {@code operation}, {@code reason}: {@code timeout},
 * {@code unreachable}, {@code error}) and fails as a {@link ServiceUnavailableException} that names the service and nothing of its
 * insides (the cause goes to the log). Each {@code upstream.<service>} client calls through here; so can a new one
 * (the renderer's).
 */
@ApplicationScoped
public class Upstream {

    public static final String CALLS = "nslab.upstream.calls";
    public static final String FAILURES = "nslab.upstream.failures";

    private static final Logger LOG = Logger.getLogger(Upstream.class);

    private final UpstreamConfig config;
    private final MeterRegistry registry;
    private final ServiceTokens tokens;

    public Upstream(UpstreamConfig config, MeterRegistry registry, ServiceTokens tokens) {
        this.config = config;
        this.registry = registry;
        this.tokens = tokens;
    }

    /** How long a call to {@code service} may take. */
    public Duration timeout(String service) {
        return config.timeoutOf(service);
    }

    /**
     * Calls an asynchronous client (a typed GraphQL client's {@code Uni}) and waits for its answer at most the service's
     * timeout (or the operation's, {@code nslab.upstream.services.<service>.operations.<operation>}); the blocked thread is
     * the caller's (a worker thread: the gateway's operations are blocking). The service account's token is made ready
     * here first, on this thread: the typed client asks for it from its header method, which may run on an event loop
     * that must not wait for Keycloak.
     */
    public <T> T call(String service, String operation, Supplier<Uni<T>> request) {
        Duration timeout = config.timeoutOf(service, operation);
        return measured(service, operation, () -> {
            tokens.accessToken();
            return request.get().ifNoItem().after(timeout).fail().await().indefinitely();
        });
    }

    /**
     * Calls a client that enforces {@link #timeout(String)} itself (an HTTP client with a request timeout), with the
     * same metrics and error.
     */
    public <T> T callBlocking(String service, String operation, Callable<T> request) {
        return measured(service, operation, request);
    }

    private <T> T measured(String service, String operation, Callable<T> request) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failure";
        try {
            T answer = request.call();
            outcome = "success";
            return answer;
        } catch (ServiceUnavailableException e) {
            fail(service, operation, reason(e.getCause()), e.getCause());
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(service, operation, "interrupted", e);
            throw new ServiceUnavailableException(service, e);
        } catch (Exception e) {
            fail(service, operation, reason(e), e);
            throw new ServiceUnavailableException(service, e);
        } finally {
            sample.stop(Timer.builder(CALLS).description("Calls from the gateway to a service behind it")
                    .tags("service", service, "operation", operation, "outcome", outcome).register(registry));
        }
    }

    private void fail(String service, String operation, String reason, Throwable cause) {
        Counter.builder(FAILURES).description("Calls from the gateway that failed: service down, slow or answering nonsense")
                .tags("service", service, "operation", operation, "reason", reason).register(registry).increment();
        LOG.warnf("%s service, %s: %s (%s)", service, operation, reason, cause == null ? "no cause" : cause.toString());
    }

    /** {@code timeout}, {@code unreachable} (refused, unknown host) or {@code error} (an answer the gateway cannot use). */
    public static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "timeout";
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return "unreachable";
            }
        }
        return "error";
    }
}
