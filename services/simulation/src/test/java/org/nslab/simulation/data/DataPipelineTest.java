package org.nslab.simulation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nslab.simulation.corpus.BrownCorpus;
import org.nslab.simulation.corpus.Document;
import org.nslab.simulation.corpus.SourceDocument;

class DataPipelineTest {

    private static final List<Document> BROWN = BrownCorpus.load().subList(0, 40);
    private static final String SPAM_TEXT = "WIN $$$ ### CLICK ### NOW ### 100% FREE ###\n".repeat(20);
    private static final DataPipeline PIPELINE = DataPipeline.of(fixtures());

    /** 40 Brown texts, an edited copy of one, an exact copy of another, German prose, four mails and two code files. */
    private static List<SourceDocument> fixtures() {
        List<SourceDocument> documents = new ArrayList<>();
        BROWN.forEach(d -> documents.add(SourceDocument.of(d)));
        Document edited = BROWN.get(3);
        documents.add(new SourceDocument("near-copy", "brown", edited.category(), null, 0, List.of(),
                edited.text().replaceFirst("the", "a")));
        documents.add(new SourceDocument("exact-copy", "brown", BROWN.get(5).category(), null, 0, List.of(),
                BROWN.get(5).text().toUpperCase()));
        String german = "Die Kommission hat am Montag einen neuen Bericht über die Lage der Wirtschaft vorgelegt, in dem sie "
                + "die Aussichten für das kommende Jahr vorsichtig bewertet und vor steigenden Preisen warnt. ";
        documents.add(new SourceDocument("german", "brown", "news", null, 0, List.of(), german.repeat(4)));
        documents.add(mail("ham-1", "ham", "Write to jane.doe@example.org or call 555-123-4567.\n"
                + BROWN.get(10).text().substring(0, 3000)));
        documents.add(mail("ham-short", "ham", "Thanks, see you then."));
        documents.add(mail("spam-1", "spam", SPAM_TEXT));
        documents.add(new SourceDocument("spam-empty", "spam-assassin", "spam-2", "spam", 900, List.of("no-text-body"), "Hot offer"));
        documents.add(new SourceDocument("A.java", "code", "java", null, 60, List.of(),
                "public final class A {\n    int twice(int x) {\n        return 2 * x;\n    }\n}\n"));
        documents.add(new SourceDocument("min.js", "code", "javascript", null, 1500, List.of(),
                "var a=function(b){return b*2};".repeat(50)));
        return documents;
    }

    private static SourceDocument mail(String id, String label, String text) {
        return new SourceDocument(id, "spam-assassin", label.equals("spam") ? "spam-1" : "easy-ham-1", label, text.length() + 500,
                List.of("html-stripped"), text);
    }

    private static Map<String, DataPipeline.Outcome> byId(DataPipeline.Report report) {
        return report.documents().stream().collect(Collectors.toMap(DataPipeline.Outcome::id, Function.identity()));
    }

    @Test
    void everyStageRemovesWhatItShouldWithNamedReasons() {
        DataPipeline.Report report = PIPELINE.run(DataPipeline.Settings.defaults());
        assertEquals(DataPipeline.STAGES, report.stages().stream().map(DataPipeline.StageReport::stage).toList());
        Map<String, DataPipeline.Outcome> documents = byId(report);

        assertEquals("extraction", documents.get("spam-empty").removedBy());
        assertEquals(List.of("no-text-body"), documents.get("spam-empty").reasons());
        assertEquals("language", documents.get("german").removedBy());
        assertEquals("de", documents.get("german").language());
        assertEquals("quality", documents.get("spam-1").removedBy());
        assertTrue(documents.get("spam-1").reasons().contains("symbol-ratio"), documents.get("spam-1").reasons().toString());
        assertEquals(List.of("too-short", "few-stop-words"), documents.get("ham-short").reasons());
        assertEquals("quality", documents.get("min.js").removedBy());
        assertEquals(List.of("long-line", "mean-line-length"), documents.get("min.js").reasons());
        assertTrue(documents.get("A.java").kept(), "ordinary code passes the code rules and skips language identification");
        assertEquals("exact-deduplication", documents.get("exact-copy").removedBy());
        assertEquals(List.of("exact-duplicate", "duplicate-of:" + BROWN.get(5).id()), documents.get("exact-copy").reasons());
        assertEquals("near-deduplication", documents.get("near-copy").removedBy());
        assertEquals(List.of("near-duplicate", "duplicate-of:" + BROWN.get(3).id()), documents.get("near-copy").reasons());
        assertEquals(2, documents.get("ham-1").piiRedacted());
        assertTrue(documents.get("ham-1").kept());

        DataPipeline.StageReport pii = report.stages().get(3);
        assertEquals(Map.of("EMAIL", 1, "PHONE", 1), Map.copyOf(pii.actions()));
        assertEquals(pii.documentsIn(), pii.documentsKept(), "redaction removes no document");
        DataPipeline.StageReport extraction = report.stages().get(0);
        assertEquals(3, extraction.actions().get("html-stripped"));
        DataPipeline.StageReport quality = report.stages().get(2);
        assertEquals(quality.documentsIn() - 3, quality.documentsKept());
        assertTrue(quality.tokensKept() < quality.tokensIn());
        assertEquals(3, quality.removedSamples().size());
        assertFalse(report.keptSamples().get("brown").isEmpty());
        assertTrue(report.keptSamples().get("spam-assassin").get(0).preview().contains("[EMAIL]"), "samples are redacted");
    }

    @Test
    void theSpamFilterReportCountsSpamAndHamRemovedAtEachStage() {
        DataPipeline.Report report = PIPELINE.run(DataPipeline.Settings.defaults());
        DataPipeline.LabelledCounts afterExtraction = report.stages().get(0).labelled();
        assertEquals(new DataPipeline.LabelledCounts(2, 2, 1, 0), afterExtraction);
        assertEquals(1.0, afterExtraction.precision());
        assertEquals(0.5, afterExtraction.recall());
        DataPipeline.LabelledCounts all = report.labelled();
        assertEquals(new DataPipeline.LabelledCounts(2, 2, 2, 1), all);
        assertEquals(2.0 / 3, all.precision(), 1e-12);
        assertEquals(1.0, all.recall());
        assertEquals(0.5, all.hamKept());
    }

    @Test
    void stricterThresholdsRemoveMoreAndSwitchedOffStagesRemoveNothing() {
        DataPipeline.Settings defaults = DataPipeline.Settings.defaults();
        int kept = PIPELINE.run(defaults).stages().get(2).documentsKept();
        QualityRules strict = new QualityRules(2_500, 100_000, 3, 10, 0.1, 0.8, 2, 0.3, 0.18);
        DataPipeline.Settings stricter = new DataPipeline.Settings(defaults.sources(), true, Set.of("en"), 0.65, true, strict,
                defaults.codeRules(), true, true, true, 0.8);
        int keptStrict = PIPELINE.run(stricter).stages().get(2).documentsKept();
        assertTrue(keptStrict < kept, keptStrict + " vs " + kept);

        DataPipeline.Settings off = new DataPipeline.Settings(defaults.sources(), false, Set.of("en"), 0.65, false,
                QualityRules.gopher(), CodeRules.starCoder(), false, false, false, 0.8);
        DataPipeline.Report report = PIPELINE.run(off);
        assertEquals(PIPELINE.size() - 1, report.stages().get(5).documentsKept(), "only extraction removes");
        assertTrue(byId(report).get("german").kept());
        assertEquals(0, byId(report).get("ham-1").piiRedacted());

        DataPipeline.Settings germanToo = new DataPipeline.Settings(defaults.sources(), true, Set.of("en", "de"), 0.65, true,
                QualityRules.gopher(), CodeRules.starCoder(), true, true, true, 0.8);
        DataPipeline.Outcome german = byId(PIPELINE.run(germanToo)).get("german");
        assertEquals("quality", german.removedBy(), "Gopher's stop words are English ones");
        assertEquals(List.of("few-stop-words"), german.reasons());
    }

    @Test
    void aHigherDuplicateThresholdKeepsTheEditedCopyAndSourcesCanBeLeftOut() {
        DataPipeline.Settings d = DataPipeline.Settings.defaults();
        DataPipeline.Settings exactOnly = new DataPipeline.Settings(d.sources(), true, d.languages(), 0.65, true, d.rules(),
                d.codeRules(), true, true, true, 1.0);
        assertTrue(byId(PIPELINE.run(exactOnly)).get("near-copy").kept());

        DataPipeline.Settings brownOnly = new DataPipeline.Settings(Set.of("brown"), true, d.languages(), 0.65, true, d.rules(),
                d.codeRules(), true, true, true, 0.8);
        DataPipeline.Report report = PIPELINE.run(brownOnly);
        assertEquals(43, report.stages().get(0).documentsIn());
        assertNull(report.labelled(), "no labelled source selected");
        assertEquals(List.of("brown"), report.mixture().stream().map(DataPipeline.SourceShare::source).toList());
        assertEquals(1.0, report.mixture().get(0).tokenShare());
    }

    @Test
    void theMixtureAddsUpToTheKeptDocuments() {
        DataPipeline.Report report = PIPELINE.run(DataPipeline.Settings.defaults());
        DataPipeline.StageReport last = report.stages().get(report.stages().size() - 1);
        assertEquals(last.documentsKept(), report.mixture().stream().mapToInt(DataPipeline.SourceShare::documents).sum());
        assertEquals(last.tokensKept(), report.mixture().stream().mapToLong(DataPipeline.SourceShare::tokens).sum());
        assertEquals(1.0, report.mixture().stream().mapToDouble(DataPipeline.SourceShare::tokenShare).sum(), 1e-12);
    }
}
