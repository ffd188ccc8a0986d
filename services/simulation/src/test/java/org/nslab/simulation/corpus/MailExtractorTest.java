package org.nslab.simulation.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nslab.simulation.data.TextNormalizer;

class MailExtractorTest {

    @Test
    void aPlainMessageKeepsItsSubjectAndBodyAndLosesItsHeaders() {
        MailExtractor.Extraction mail = MailExtractor.extract(fixture("plain.eml"));
        assertEquals("Meeting on Thursday\n\nHi all,\n\nthe meeting moves to Thursday at ten.", mail.text());
        assertEquals(List.of(), mail.notes());
    }

    @Test
    void theQuotedPrintablePlainAlternativeIsChosenOverHtmlAndTheEncodedSubjectIsDecoded() {
        MailExtractor.Extraction mail = MailExtractor.extract(fixture("alternative.eml"));
        assertEquals("Café offers\n\nCafé prices are down this week.", mail.text());
        assertEquals(List.of("alternative-chosen", "quoted-printable-decoded"), mail.notes());
    }

    @Test
    void base64HtmlIsDecodedAndStrippedOfScriptsStylesTagsAndEntitiesAndAttachmentsAreDropped() {
        MailExtractor.Extraction mail = MailExtractor.extract(fixture("html-base64.eml"));
        String text = TextNormalizer.normalize(mail.text());
        assertEquals("Free money\n\nFree money & more\n\nClick here €5", text);
        assertFalse(text.contains("alert") || text.contains("color") || text.contains("hidden"), text);
        assertEquals(List.of("attachment-dropped", "base64-decoded", "html-stripped"), mail.notes());
    }

    @Test
    void aMessageWithoutATextPartIsMarked() {
        MailExtractor.Extraction mail = MailExtractor.extract(fixture("no-text.eml"));
        assertEquals("Picture", mail.text());
        assertTrue(mail.notes().contains("no-text-body"), mail.notes().toString());
        assertTrue(mail.notes().contains("attachment-dropped"), mail.notes().toString());
    }

    @Test
    void lenientBase64SkipsLineBreaksAndStopsAtPadding() {
        assertEquals("hello", new String(MailExtractor.base64("aGVs\nbG8=\n=garbage")));
        assertEquals("ab", new String(MailExtractor.base64("YWJ")));
    }

    private static byte[] fixture(String name) {
        try (InputStream in = MailExtractorTest.class.getResourceAsStream("/mail/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
