package org.nslab.simulation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nslab.simulation.corpus.BrownCorpus;
import org.nslab.simulation.corpus.Document;

class DataPipelineTest {

    @Test
    void eachStageReportsWhatItKeptAndRemovedAndStricterThresholdsRemoveMore() {
        List<Document> corpus = new ArrayList<>(BrownCorpus.load().subList(0, 60));
        Document copy = corpus.get(3);
        corpus.add(new Document("copy-of-" + copy.id(), "web", copy.category(), copy.text().replaceFirst("the", "a")));
        corpus.add(new Document("spam-1", "web", "spam", "WIN $$$ ### CLICK ### NOW ### 100% FREE ###\n".repeat(20)));
        DataPipeline pipeline = new DataPipeline(corpus);

        DataPipeline.Report report = pipeline.run(new DataPipeline.Settings(true, QualityRules.gopher(), true, true, 0.8));

        assertEquals(List.of("quality", "pii-redaction", "deduplication"), report.stages().stream().map(DataPipeline.StageReport::stage).toList());
        DataPipeline.StageReport quality = report.stages().get(0);
        assertEquals(62, quality.documentsIn());
        assertTrue(quality.reasons().containsKey("symbol-ratio"), quality.reasons().toString());
        DataPipeline.Outcome spam = report.documents().get(61);
        assertEquals("quality", spam.removedBy());
        DataPipeline.Outcome duplicate = report.documents().get(60);
        assertEquals("deduplication", duplicate.removedBy());
        assertEquals(List.of("near-duplicate-of-" + copy.id()), duplicate.reasons());
        assertTrue(!report.keptWordsByCategory().containsKey("spam"));

        QualityRules strict = new QualityRules(2_500, 100_000, 3, 10, 0.1, 0.8, 2, 0.3, 0.18);
        int keptStrict = pipeline.run(new DataPipeline.Settings(true, strict, false, false, 0.8)).stages().get(0).documentsKept();
        assertTrue(keptStrict < quality.documentsKept(), keptStrict + " vs " + quality.documentsKept());
    }
}
