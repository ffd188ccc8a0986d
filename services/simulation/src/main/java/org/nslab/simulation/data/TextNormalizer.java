package org.nslab.simulation.data;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalization after extraction: Unicode NFKC (compatibility forms such as ligatures and full-width
 * letters folded), control characters removed, runs of spaces and tabs collapsed, lines trimmed and at
 * most one blank line in a row.
 */
public final class TextNormalizer {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200D\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern LINE_EDGES = Pattern.compile("(?m)^ +| +$");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String s = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFKC);
        s = CONTROL.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ");
        s = LINE_EDGES.matcher(s).replaceAll("");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.trim();
    }
}
