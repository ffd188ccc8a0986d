package org.nslab.simulation.corpus;

import java.util.List;
import java.util.function.Consumer;

/** The data pipeline's sources, each streamed from the classpath one document at a time. */
public final class CorpusSources {

    private CorpusSources() {
    }

    /** Brown, then SpamAssassin, then the platform's code. */
    public static List<Consumer<Consumer<SourceDocument>>> all() {
        return List.of(
                consumer -> BrownCorpus.load().forEach(d -> consumer.accept(SourceDocument.of(d))),
                consumer -> PackedCorpus.read(PackedCorpus.SPAM_ASSASSIN, consumer),
                consumer -> PackedCorpus.read(PackedCorpus.CODE, consumer));
    }
}
