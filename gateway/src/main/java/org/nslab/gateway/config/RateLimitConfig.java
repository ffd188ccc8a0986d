package org.nslab.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rate limits on {@code /graphql}: requests per window, per client address and per signed-in user or guest. */
@ConfigMapping(prefix = "nslab.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("1m")
    Duration window();

    /** Requests per window from one address (all callers behind it together). */
    @WithDefault("1200")
    int perAddress();

    /** Requests per window by one user or guest, from any address. */
    @WithDefault("600")
    int perUser();
}
