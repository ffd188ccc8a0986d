package org.nslab.sdk.manifest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Function;

/**
 * The one way a module service writes its {@code module.json}: a template in which {@code ${publicUrl}} stands for
 * the address browsers and the gateway reach the service at, and {@code ${integrity}} for the SRI hash of the entry
 * the service serves. {@link #render} fills in both (the entry's bytes are looked up by its path below the public
 * URL) and returns the checked manifest. Pure: no framework, no I/O of its own.
 *
 * <pre>{@code
 * "entry": { "url": "${publicUrl}/token-lights/index.js", "integrity": "${integrity}" },
 * "health": "${publicUrl}/q/health/ready"
 * }</pre>
 */
public final class ManifestTemplate {

    public static final String PUBLIC_URL = "${publicUrl}";
    public static final String INTEGRITY = "${integrity}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String template;

    private ManifestTemplate(String template) {
        if (!template.contains(PUBLIC_URL + "/") || !template.contains(INTEGRITY)) {
            throw new IllegalArgumentException("a manifest template names its entry as \"url\": \"" + PUBLIC_URL
                    + "/<folder>/index.js\", \"integrity\": \"" + INTEGRITY + "\"");
        }
        this.template = template;
    }

    public static ManifestTemplate of(String templateJson) {
        return new ManifestTemplate(templateJson);
    }

    /**
     * The manifest for a service reachable at {@code publicUrl}.
     *
     * @param entryBytes the bytes served at a path below the public URL (e.g. {@code /journey-map/index.js})
     * @throws IllegalArgumentException when the public URL is not absolute or the result is not a valid manifest
     */
    public ModuleManifest render(String publicUrl, Function<String, byte[]> entryBytes) {
        String base = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        URI uri = URI.create(base.isEmpty() ? "relative" : base);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("the public URL must be absolute, e.g. http://127.0.0.1:8091: " + publicUrl);
        }
        String withUrl = template.replace(PUBLIC_URL, escaped(base));
        String entryPath = entryUrl(withUrl).substring(base.length());
        byte[] entry = entryBytes.apply(entryPath);
        if (entry == null) {
            throw new IllegalArgumentException("no entry at " + entryPath + " (was the front end built?)");
        }
        return Manifests.parse(withUrl.replace(INTEGRITY, Integrity.sha384(entry)));
    }

    /** The path of the entry below the public URL, e.g. {@code /journey-map/index.js}. */
    public String entryPath() {
        return entryUrl(template.replace(PUBLIC_URL, "")).replaceFirst("^(?!/)", "/");
    }

    private static String entryUrl(String json) {
        try {
            JsonNode url = JSON.readTree(json).path("entry").path("url");
            if (!url.isTextual()) {
                throw new IllegalArgumentException("the manifest template has no entry.url");
            }
            return url.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("the manifest template is not JSON", e);
        }
    }

    private static String escaped(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
