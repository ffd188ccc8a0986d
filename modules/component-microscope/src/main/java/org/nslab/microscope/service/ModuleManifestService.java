package org.nslab.microscope.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.nslab.microscope.config.MicroscopeConfig;
import org.nslab.sdk.manifest.Integrity;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleManifest;

/**
 * The module's {@code module.json}: the template in the jar with this service's public URL filled in and
 * the entry's SRI hash computed from the bundled {@code index.js} at start (so it always matches the bytes served).
 */
@ApplicationScoped
public class ModuleManifestService {

    public static final String ENTRY_RESOURCE = "META-INF/resources/component-microscope/index.js";
    static final String TEMPLATE_RESOURCE = "org/nslab/microscope/module.template.json";
    private static final String PUBLIC_URL = "${publicUrl}";
    private static final String INTEGRITY = "${integrity}";

    private final ModuleManifest manifest;
    private final String json;

    public ModuleManifestService(MicroscopeConfig config) {
        String base = config.publicUrl().replaceAll("/$", "");
        String template = new String(read(TEMPLATE_RESOURCE), StandardCharsets.UTF_8);
        this.manifest = Manifests.parse(template.replace(PUBLIC_URL, base).replace(INTEGRITY, Integrity.sha384(read(ENTRY_RESOURCE))));
        this.json = Manifests.toJson(manifest);
    }

    public ModuleManifest manifest() {
        return manifest;
    }

    public String json() {
        return json;
    }

    static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application (was the front end built?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
