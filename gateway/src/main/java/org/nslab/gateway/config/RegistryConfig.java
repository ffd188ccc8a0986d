package org.nslab.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The module registry. */
@ConfigMapping(prefix = "nslab.registry")
public interface RegistryConfig {

    /** The platform's version, checked against each manifest's {@code platform} range. */
    String platformVersion();

    /** Hosts module files may be fetched from: {@code host} or {@code host:port}; nothing else is ever fetched. */
    List<String> allowedHosts();

    /** Keycloak clients of the first-party modules: each reserves the id after {@code module-} and is served unsandboxed. */
    List<String> firstPartyClients();

    /** This gateway's public base URL, for the manifest URLs announced on Kafka. */
    String publicUrl();

    /** How often each module's health URL is polled. */
    @WithDefault("15s")
    Duration healthInterval();

    /** Connect and read limit for fetching an entry or polling health. */
    @WithDefault("5s")
    Duration fetchTimeout();

    /** Largest entry module fetched, in bytes. */
    @WithDefault("5242880")
    int maxEntryBytes();
}
