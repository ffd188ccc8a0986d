package org.nslab.simulation.corpus;

import java.util.List;

/**
 * A document of one of the pipeline's sources as extraction left it.
 *
 * @param id         its id in the source (a Brown file, a mail's file name, a source file's path)
 * @param source     {@code brown}, {@code spam-assassin} or {@code code}
 * @param category   the Brown genre, the SpamAssassin folder or the programming language
 * @param label      the known quality label where the source has one ({@code spam} or {@code ham}), else {@code null}
 * @param rawBytes   size before extraction
 * @param extraction what extraction did (e.g. {@code html-stripped}, {@code base64-decoded})
 * @param text       the extracted text
 */
public record SourceDocument(String id, String source, String category, String label, int rawBytes,
                             List<String> extraction, String text) {

    public static SourceDocument of(Document document) {
        return new SourceDocument(document.id(), document.source(), document.category(), null,
                document.text().length(), List.of(), document.text());
    }
}
