package org.nslab.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.nslab.gateway.security.GuestTokens;

public class Beans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    GuestTokens guestTokens(GatewayConfig config) {
        return new GuestTokens(config.guestSecret(), config.guestSessionTtl());
    }
}
