package org.nslab.gateway.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nslab.gateway.config.RegistryConfig;
import org.nslab.gateway.config.ShellConfig;

/**
 * The web shell's documents, each with its Content-Security-Policy: the shell at {@code /} (scripts only from the
 * gateway and the module hosts, the inline import map by its hash, no framing), and the sandbox page that hosts a
 * third-party module inside {@code <iframe sandbox="allow-scripts">} (no network but the module hosts, so a module
 * cannot reach the gateway except through the bridge). Static files are under {@code /shell/}.
 */
@Path("/")
@PermitAll
public class ShellResource {

    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final ShellConfig shell;
    private final String moduleSources;
    private final String shellHtml;
    private final String sandboxHtml;
    private final String importMapHash;

    public ShellResource(ShellConfig shell, RegistryConfig registry) {
        this.shell = shell;
        this.moduleSources = registry.allowedHosts().stream().map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.contains(":") && !h.startsWith("[") ? "http://" + h + " https://" + h : "http://" + h + ":* https://" + h + ":*")
                .collect(Collectors.joining(" "));
        this.shellHtml = resource("META-INF/resources/shell/shell.html");
        this.sandboxHtml = resource("META-INF/resources/shell/sandbox.html");
        Matcher m = IMPORT_MAP.matcher(shellHtml == null ? "" : shellHtml);
        this.importMapHash = m.find() ? "'sha256-" + sha256(m.group(1)) + "'" : "";
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response shell() {
        if (shellHtml == null) {
            return Response.status(503).entity("The web shell was not built (run ./mvnw -pl gateway package).").type(MediaType.TEXT_PLAIN).build();
        }
        String keycloak = origin(shell.keycloakUrl());
        String csp = "default-src 'self'; script-src 'self' " + importMapHash + " " + moduleSources
                + "; style-src 'self'; img-src 'self' data: " + moduleSources + "; font-src 'self'; connect-src 'self' " + keycloak + " "
                + moduleSources + "; frame-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self' "
                + keycloak + "; frame-ancestors 'none'";
        return html(shellHtml, csp).header("X-Frame-Options", "DENY").build();
    }

    @GET
    @Path("shell/sandbox")
    @Produces(MediaType.TEXT_HTML)
    public Response sandbox(@Context HttpServerRequest request) {
        if (sandboxHtml == null) {
            return Response.status(503).build();
        }
        String self = request.scheme() + "://" + request.authority();
        String csp = "sandbox allow-scripts; default-src 'none'; script-src " + self + " " + moduleSources + "; style-src 'unsafe-inline' "
                + moduleSources + "; img-src data: blob: " + moduleSources + "; font-src " + self + " " + moduleSources + "; connect-src "
                + moduleSources + "; media-src blob: " + moduleSources + "; worker-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
        return html(sandboxHtml, csp).build();
    }

    @GET
    @Path("shell/config")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> config() {
        return Map.of("keycloakUrl", shell.keycloakUrl().replaceAll("/$", ""), "realm", shell.realm(), "clientId", shell.clientId());
    }

    private static Response.ResponseBuilder html(String body, String csp) {
        return Response.ok(body, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", csp)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache");
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
