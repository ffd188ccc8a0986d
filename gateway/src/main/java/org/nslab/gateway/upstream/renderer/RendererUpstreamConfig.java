package org.nslab.gateway.upstream.renderer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gateway reaches the renderer service (internal) and how it links its results for browsers. */
@ConfigMapping(prefix = "nslab.upstream.renderer")
public interface RendererUpstreamConfig {

    /** The renderer's base URL, without a path. */
    @WithDefault("http://127.0.0.1:8086")
    String url();

    /** A whole GraphQL call (connect, request, answer). */
    @WithDefault("10s")
    Duration timeout();

    @WithDefault("3s")
    Duration connectTimeout();

    /** A render file or poster being proxied: the longest wait for the next bytes from the renderer. */
    @WithDefault("30s")
    Duration fileIdleTimeout();

    /** The gateway's own public base URL: result links point at its {@code /renders/…} proxy. */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();
}
