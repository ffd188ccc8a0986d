package org.nslab.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

@ConfigMapping(prefix = "nslab.gateway")
public interface GatewayConfig {

    /** HMAC key that signs guest session tokens; at least 32 characters. */
    String guestSecret();

    /** How long a guest session token stays valid. */
    Duration guestSessionTtl();
}
