package org.nslab.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.InetAddress;
import org.nslab.gateway.registry.HttpFetcher;
import org.nslab.gateway.registry.ModuleChecks;
import org.nslab.gateway.registry.ModuleHosts;

public class RegistryBeans {

    @Produces
    @ApplicationScoped
    ModuleHosts moduleHosts(RegistryConfig config) {
        return new ModuleHosts(config.allowedHosts(), InetAddress::getAllByName);
    }

    @Produces
    @ApplicationScoped
    ModuleChecks.Fetcher moduleFetcher(RegistryConfig config) {
        return new HttpFetcher(config.fetchTimeout(), config.maxEntryBytes());
    }
}
