package org.nslab.simulation.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nslab.simulation.corpus.BrownCorpus;
import org.nslab.simulation.corpus.Document;

class DataFiltersTest {

    private static final List<Document> BROWN = BrownCorpus.load();

    @Test
    void editedEnglishPassesTheGopherRulesAndSpamLikeTextFailsWithNamedReasons() {
        long passing = BROWN.stream().filter(d -> QualityRules.gopher().check(d.text()).isEmpty()).count();
        assertTrue(passing > 490, "Brown documents passing: " + passing);

        String listing = "BUY NOW!!! ### $$$ #1 #1 #1 CHEAP ### ### 100% 100% 100%\n".repeat(30);
        List<String> reasons = QualityRules.gopher().check(listing);
        assertTrue(reasons.containsAll(List.of("symbol-ratio", "few-stop-words", "duplicate-lines")), reasons.toString());
        assertEquals(List.of("too-short"), QualityRules.gopher().check("The cat sat on the mat with the dog."));
    }

    @Test
    void emailsPhoneNumbersAndIpAddressesAreRedactedAndCounted() {
        PiiRedactor.Redaction r = PiiRedactor.redact(
                "Write to jane.doe@example.org or call (555) 123-4567 / +1 555.987.6543; server 192.168.10.4 in 1961.");

        assertEquals("Write to [EMAIL] or call [PHONE] / [PHONE]; server [IP] in 1961.", r.text());
        assertEquals(Map.of("EMAIL", 1, "PHONE", 2, "IP", 1), r.counts());
    }

    @Test
    void aLightlyEditedCopyIsFoundAsANearDuplicateAndDistinctTextsAreNot() {
        String original = BROWN.get(0).text();
        String edited = original.replaceFirst("Fulton", "Dekalb").replaceFirst("Friday", "Monday");
        List<String> documents = List.of(original, BROWN.get(1).text(), edited, BROWN.get(2).text(), original);

        int[] duplicateOf = MinHashDeduplicator.standard().duplicates(documents);

        assertArrayEquals(new int[] {-1, -1, 0, -1, 0}, duplicateOf);
        MinHashDeduplicator dedup = MinHashDeduplicator.standard();
        double same = MinHashDeduplicator.similarity(dedup.signature(original), dedup.signature(edited));
        double different = MinHashDeduplicator.similarity(dedup.signature(original), dedup.signature(BROWN.get(1).text()));
        assertTrue(same > 0.9 && different < 0.1, same + " / " + different);
    }

    @Test
    void lshCandidatePairsFindTheCopiesWithTheirSimilarityAndNoUnrelatedPair() {
        MinHashDeduplicator dedup = MinHashDeduplicator.sensitive();
        String original = BROWN.get(0).text();
        String edited = original.replaceFirst("Fulton", "Dekalb").replaceFirst("Friday", "Monday");
        List<long[]> signatures = java.util.stream.Stream.of(original, BROWN.get(1).text(), edited, BROWN.get(2).text(), original)
                .map(dedup::signature).toList();

        List<MinHashDeduplicator.Pair> pairs = dedup.candidatePairs(signatures, 0.5);

        assertEquals(List.of("0-2", "0-4", "2-4"), pairs.stream().map(p -> p.earlier() + "-" + p.later()).toList());
        assertEquals(1.0, pairs.get(1).similarity());
        assertTrue(pairs.get(0).similarity() > 0.9, pairs.toString());
    }
}
