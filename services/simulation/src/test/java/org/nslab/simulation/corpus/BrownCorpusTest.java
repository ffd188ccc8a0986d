package org.nslab.simulation.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BrownCorpusTest {

    @Test
    void tagsAreStrippedAndPunctuationAndQuotesJoinTheirWords() {
        String tagged = "\n\n\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' was/bedz found/vbn ,/, "
                + "Atlanta's/np$ mayor/nn (/( Hartsfield/np )/) did/dod n't/* say/vb ./.\n";

        assertEquals("The jury said \"no evidence\" was found, Atlanta's mayor (Hartsfield) didn't say.",
                BrownCorpus.plainText(tagged));
    }

    @Test
    void thePackagedCorpusHasItsFiveHundredTextsInFifteenGenres() {
        List<Document> documents = BrownCorpus.load();

        assertEquals(500, documents.size());
        Map<String, Long> genres = documents.stream().collect(Collectors.groupingBy(Document::category, Collectors.counting()));
        assertEquals(15, genres.size(), genres.toString());
        assertEquals(44L, genres.get("news"));
        Document first = documents.get(0);
        assertEquals("ca01", first.id());
        assertTrue(first.text().startsWith("The Fulton County Grand Jury said Friday an investigation"), first.text().substring(0, 80));
        assertFalse(first.text().contains("/at"));
        long characters = documents.stream().mapToLong(d -> d.text().length()).sum();
        assertTrue(characters > 5_000_000, "characters: " + characters);
    }
}
