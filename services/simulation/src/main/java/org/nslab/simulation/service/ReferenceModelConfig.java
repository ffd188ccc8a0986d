package org.nslab.simulation.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The reference model every level can inspect before any learner trains one. */
@ConfigMapping(prefix = "nslab.simulation.reference")
public interface ReferenceModelConfig {

    @WithDefault("4")
    int layers();

    @WithDefault("4")
    int heads();

    @WithDefault("128")
    int width();

    @WithDefault("128")
    int contextLength();

    @WithDefault("300")
    int steps();

    @WithDefault("16")
    int batch();

    @WithDefault("1")
    long seed();

    /** Where trained weights are kept, so a restart does not train again. */
    Path dataDir();
}
