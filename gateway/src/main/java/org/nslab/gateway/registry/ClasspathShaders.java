package org.nslab.gateway.registry;

import java.util.function.Predicate;

/**
 * The shared shaders: the repository's {@code shaders/} folder is packed into the gateway at
 * {@code META-INF/resources/shaders/} (and so served at {@code /shaders/<path>} for {@code host.loadShader}).
 */
public final class ClasspathShaders implements Predicate<String> {

    @Override
    public boolean test(String path) {
        if (path.contains("..") || path.startsWith("/")) {
            return false;
        }
        return Thread.currentThread().getContextClassLoader().getResource("META-INF/resources/shaders/" + path) != null;
    }
}
