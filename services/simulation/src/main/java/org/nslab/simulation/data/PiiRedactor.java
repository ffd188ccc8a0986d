package org.nslab.simulation.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces e-mail addresses, phone numbers and IPv4 addresses with placeholders, counting each kind. */
public final class PiiRedactor {

    public record Redaction(String text, Map<String, Integer> counts) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("EMAIL", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"));
        PATTERNS.put("IP", Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"));
        PATTERNS.put("PHONE", Pattern.compile("(?<![\\w.])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{3}\\)|\\d{3})[ .-]\\d{3}[ .-]\\d{4}\\b"));
    }

    private PiiRedactor() {
    }

    public static Redaction redact(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String result = text;
        for (Map.Entry<String, Pattern> entry : PATTERNS.entrySet()) {
            Matcher matcher = entry.getValue().matcher(result);
            int n = 0;
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                n++;
                matcher.appendReplacement(out, "[" + entry.getKey() + "]");
            }
            matcher.appendTail(out);
            result = out.toString();
            if (n > 0) {
                counts.put(entry.getKey(), n);
            }
        }
        return new Redaction(result, counts);
    }
}
