package org.nslab.sdk.scene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The example scenes of {@code modules/sdk/scene/examples/}, packed in the jar. */
public final class Examples {

    /** Six stations joined by five particle streams of 2,000 each (10,000 particles), a 10 s camera dolly, labels. */
    public static final String JOURNEY_MAP = "journey-map.json";
    /** Every element kind at once: terrain, heat map, the four primitives, both emitters, both blendings, labels. */
    public static final String SHOWCASE = "showcase.json";

    private Examples() {
    }

    public static String json(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example scene " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
