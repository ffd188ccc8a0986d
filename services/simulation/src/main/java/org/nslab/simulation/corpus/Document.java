package org.nslab.simulation.corpus;

/** One text of a corpus: its id in the source (e.g. {@code ca01}), its category and its plain text. */
public record Document(String id, String source, String category, String text) {
}
