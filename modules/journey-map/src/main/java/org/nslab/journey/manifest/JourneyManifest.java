package org.nslab.journey.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.nslab.sdk.manifest.Integrity;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleManifest;

/**
 * The module's {@code module.json}: the template in {@code journey-map/module.template.json} (valid as it is, written
 * for the default address) with its URLs moved onto the public URL and the entry's SRI hash computed from the bytes this service serves. Pure: no
 * framework, so it is tested with plain JUnit.
 */
public final class JourneyManifest {

    /** The folder the front end is served from (under {@code META-INF/resources}). */
    public static final String WEB_ROOT = "journey-map";
    static final String TEMPLATE = "/journey-map/module.template.json";
    static final String ENTRY = "/META-INF/resources/" + WEB_ROOT + "/index.js";

    private JourneyManifest() {
    }

    /** The manifest for a service reachable at {@code publicUrl} (e.g. {@code http://127.0.0.1:8091}). */
    public static ModuleManifest build(String publicUrl) {
        return build(publicUrl, read(TEMPLATE), readBytes(ENTRY));
    }

    static ModuleManifest build(String publicUrl, String templateJson, byte[] entry) {
        URI base = URI.create(publicUrl.replaceAll("/+$", "") + "/");
        if (!base.isAbsolute() || base.getHost() == null) {
            throw new IllegalArgumentException("the public URL must be absolute, e.g. http://127.0.0.1:8091: " + publicUrl);
        }
        ModuleManifest t = Manifests.parse(templateJson);
        java.util.function.UnaryOperator<String> rebase = url -> base.resolve(URI.create(url).getRawPath().substring(1)).toString();
        return new ModuleManifest(t.id(), t.name(), t.description(), t.version(), t.level(), t.order(), t.platform(),
                new ModuleManifest.Entry(rebase.apply(t.entry().url()), Integrity.sha384(entry)), rebase.apply(t.health()),
                t.assets().stream().map(rebase).toList(), t.shaders(), t.operations(), t.roles(), t.stages(),
                t.translations(), t.author(),
                t.poster() == null ? null : new ModuleManifest.Poster(rebase.apply(t.poster().url()), t.poster().alt()));
    }

    private static String read(String resource) {
        return new String(readBytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(String resource) {
        try (InputStream in = JourneyManifest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath: build the front end (mvn package)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
