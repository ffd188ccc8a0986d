package org.nslab.gateway.registry;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where module files may be fetched from: a guard against server-side request forgery. A URL passes only if it
 * is http(s) without credentials, its host (and port, when the entry names one) is configured as a module host,
 * and none of the addresses it resolves to is link-local (cloud metadata such as 169.254.169.254 lives there),
 * unspecified or multicast. Loopback and private addresses pass only when the configured entry names that
 * address literally (or {@code localhost}): a DNS name that resolves into the private network is refused,
 * so nobody can point a public-looking name at internal services. The check runs before anything is fetched.
 */
public final class ModuleHosts {

    /** Resolves a host name; the JDK's resolver in production, a table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private record Allowed(String host, int port) {
    }

    private final List<Allowed> allowed;
    private final Resolver resolver;

    /** @param allowedHosts entries {@code host} or {@code host:port}, e.g. {@code 127.0.0.1:8091}, {@code modules.example.org} */
    public ModuleHosts(List<String> allowedHosts, Resolver resolver) {
        this.allowed = allowedHosts.stream().map(String::trim).filter(s -> !s.isEmpty()).map(ModuleHosts::parse).toList();
        this.resolver = resolver;
    }

    private static Allowed parse(String entry) {
        String e = entry.toLowerCase(Locale.ROOT);
        int colon = e.lastIndexOf(':');
        if (colon > 0 && !e.endsWith("]") && e.indexOf(':') == colon) {
            return new Allowed(e.substring(0, colon), Integer.parseInt(e.substring(colon + 1)));
        }
        return new Allowed(e.replace("[", "").replace("]", ""), -1);
    }

    /** Why the URL may not be fetched, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs are fetched, not '" + scheme + "'");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("URLs with credentials are refused");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (host.isEmpty()) {
            return Optional.of("the URL has no host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        Optional<Allowed> match = allowed.stream().filter(a -> a.host.equals(host) && (a.port == -1 || a.port == port)).findFirst();
        if (match.isEmpty()) {
            return Optional.of("host '" + host + ":" + port + "' is not a configured module host (nslab.gateway.modules.allowed-hosts);"
                    + " serve the module from one of: " + allowed.stream().map(a -> a.host + (a.port == -1 ? "" : ":" + a.port)).toList());
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        boolean literal = isLiteral(host) || host.equals("localhost");
        for (InetAddress address : addresses) {
            if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress() || isMetadata(address)) {
                return Optional.of("address " + address.getHostAddress() + " (link-local, metadata, unspecified or multicast) is never fetched");
            }
            if (!literal && (address.isLoopbackAddress() || address.isSiteLocalAddress() || isPrivateOther(address))) {
                return Optional.of("'" + host + "' resolves to the private address " + address.getHostAddress()
                        + "; configure the address itself as a module host if that is intended");
            }
        }
        return Optional.empty();
    }

    private static boolean isLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    private static boolean isMetadata(InetAddress address) {
        byte[] b = address.getAddress();
        // 100.100.100.200 (Alibaba Cloud metadata) and fd00:ec2::254 (AWS IPv6 metadata)
        return (address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xff) == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200)
                || (address instanceof Inet6Address && address.getHostAddress().startsWith("fd00:ec2:"));
    }

    /** Carrier-grade NAT 100.64.0.0/10 and IPv6 unique-local fc00::/7, which the JDK does not call site-local. */
    private static boolean isPrivateOther(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        }
        return (b[0] & 0xfe) == 0xfc;
    }
}
