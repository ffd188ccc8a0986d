package org.nslab.gateway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModuleHostsTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, String> dns = Map.of(
            "modules.example.org", "93.184.215.14",
            "sneaky.example.org", "10.0.0.7",
            "metadata.example.org", "169.254.169.254");

    private final ModuleHosts hosts = new ModuleHosts(List.of("127.0.0.1:8091", "localhost", "modules.example.org",
            "sneaky.example.org", "metadata.example.org", "169.254.169.254", "10.1.2.3:80"), host -> {
        lookups.incrementAndGet();
        String ip = dns.get(host);
        if (ip != null) return new InetAddress[]{InetAddress.getByName(ip)};
        if (host.matches("[0-9.]+") || host.equals("localhost")) return InetAddress.getAllByName(host);
        throw new UnknownHostException(host);
    });

    @Test
    void configuredHostsAndExplicitlyConfiguredPrivateAddressesPass() {
        assertEquals(Optional.empty(), hosts.refusal("http://127.0.0.1:8091/m/index.js"));
        assertEquals(Optional.empty(), hosts.refusal("https://modules.example.org/m/index.js"));
        assertEquals(Optional.empty(), hosts.refusal("http://localhost:1234/x.js"));
        assertEquals(Optional.empty(), hosts.refusal("http://10.1.2.3/x.js"));
    }

    @Test
    void hostsThatAreNotConfiguredAreRefusedWithoutEvenALookup() {
        for (String url : List.of("http://169.254.169.254.nip.io/latest/meta-data/", "http://127.0.0.1:8092/m.js",
                "http://10.1.2.3:8080/x.js", "http://internal.corp/x.js", "http://[::1]:8091/x.js")) {
            Optional<String> refusal = hosts.refusal(url);
            assertTrue(refusal.isPresent() && refusal.get().contains("not a configured module host"), url + " → " + refusal);
        }
        assertEquals(0, lookups.get());
    }

    @Test
    void cloudMetadataAndLinkLocalAddressesAreNeverFetchedEvenWhenConfigured() {
        assertTrue(hosts.refusal("http://169.254.169.254/latest/meta-data/").orElseThrow().contains("link-local"));
        assertTrue(hosts.refusal("http://metadata.example.org/").orElseThrow().contains("link-local"));
    }

    @Test
    void aNameThatResolvesIntoThePrivateNetworkIsRefused() {
        assertTrue(hosts.refusal("http://sneaky.example.org/x.js").orElseThrow().contains("private address 10.0.0.7"));
    }

    @Test
    void otherSchemesAndCredentialsAreRefused() {
        assertTrue(hosts.refusal("file:///etc/passwd").orElseThrow().contains("only http and https"));
        assertTrue(hosts.refusal("gopher://127.0.0.1:8091/").orElseThrow().contains("only http and https"));
        assertTrue(hosts.refusal("http://user:pw@127.0.0.1:8091/x.js").orElseThrow().contains("credentials"));
        assertTrue(hosts.refusal("http://exa mple/").orElseThrow().contains("not a URL"));
    }
}
