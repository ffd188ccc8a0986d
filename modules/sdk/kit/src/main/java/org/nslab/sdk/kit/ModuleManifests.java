package org.nslab.sdk.kit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.nslab.sdk.manifest.ManifestTemplate;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleManifest;

/**
 * The module's {@code module.json}: its template ({@link ModuleConfig#manifestTemplate()}) rendered for the public
 * URL, with the SRI hash of the entry this service serves (its static resource under {@code META-INF/resources}),
 * computed once at start so it always matches the bytes served.
 */
@ApplicationScoped
public class ModuleManifests {

    private final ModuleManifest manifest;
    private final String json;
    private final String manifestPath;

    public ModuleManifests(ModuleConfig config) {
        ManifestTemplate template = ManifestTemplate.of(new String(read(config.manifestTemplate()), StandardCharsets.UTF_8));
        this.manifest = template.render(config.publicUrl(), path -> read("META-INF/resources" + path));
        this.json = Manifests.toJson(manifest);
        String entry = template.entryPath();
        this.manifestPath = entry.substring(0, entry.lastIndexOf('/') + 1) + "module.json";
    }

    public ModuleManifest manifest() {
        return manifest;
    }

    public String json() {
        return json;
    }

    /** Where the manifest is served: beside the entry, e.g. {@code /journey-map/module.json}. */
    public String manifestPath() {
        return manifestPath;
    }

    static byte[] read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource.replaceFirst("^/", ""))) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application (was the front end built?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
