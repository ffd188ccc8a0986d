package org.nslab.simulation.data;

import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Language identification as a multinomial naive-Bayes classifier over character 1- to 3-grams, with
 * the n-gram profiles that the Optimaize language detector ships (trained on Wikipedia, as in
 * Shuyo's langdetect) and its text cleaning (URLs and e-mail addresses removed). The library's own
 * detector samples n-grams in random trials, which costs tens of milliseconds per document and never
 * answers the same twice for borderline texts; this one scores every n-gram of the first
 * {@value #SAMPLE} characters once, in log space: deterministic and about 1 ms per document.
 *
 * <p>The probability is the posterior over the loaded languages with a uniform prior. As in every
 * naive-Bayes classifier it is overconfident on long texts; it is low for mixed-language and garbled
 * text, which is what a threshold is for. A text with no known n-gram is {@code und}.
 */
public final class LanguageIdentifier {

    /** The language of a text (ISO 639-1, or zh-CN / zh-TW) with its posterior probability. */
    public record Language(String code, double probability) {
    }

    public static final String UNDETERMINED = "und";
    static final int SAMPLE = 2000;
    /** The profiles loaded (30 of the library's 71): the most used languages on the web and in these corpora. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "pt", "nl", "ru",
            "zh-CN", "zh-TW", "ja", "ko", "ar", "tr", "pl", "sv", "da", "no", "fi", "cs", "hu", "ro", "el", "he", "hi", "vi",
            "th", "id", "uk", "bg");

    private final String[] codes;
    /**
     * Added to every relative frequency, as langdetect does (alpha 0.5 over its base frequency 10,000):
     * an n-gram a language's profile lacks costs the same in every language that lacks it, so a small
     * profile is not favoured as add-one smoothing would favour it.
     */
    private static final double SMOOTHING = 0.5 / 10_000;
    /** For every n-gram seen in any profile, its log-probability in each language. */
    private final Map<String, float[]> logProbabilities = new HashMap<>();
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

    public LanguageIdentifier() {
        List<LanguageProfile> profiles;
        try {
            profiles = new LanguageProfileReader().readBuiltIn(LANGUAGES.stream().map(LdLocale::fromString).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language profiles", e);
        }
        codes = profiles.stream().map(p -> p.getLocale().toString()).toArray(String[]::new);
        int languages = profiles.size();
        for (int l = 0; l < languages; l++) {
            for (Map.Entry<String, Integer> gram : profiles.get(l).iterateGrams()) {
                logProbabilities.computeIfAbsent(gram.getKey(), k -> new float[languages]);
            }
        }
        for (int l = 0; l < languages; l++) {
            LanguageProfile profile = profiles.get(l);
            for (Map.Entry<String, float[]> gram : logProbabilities.entrySet()) {
                int n = gram.getKey().length();
                double relative = (double) profile.getFrequency(gram.getKey()) / profile.getNumGramOccurrences(n);
                gram.getValue()[l] = (float) Math.log(SMOOTHING + relative);
            }
        }
    }

    public Language identify(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        Map<String, Integer> grams = NgramExtractors.standard().extractCountedGrams(texts.forText(sample));
        double[] score = new double[codes.length];
        int known = 0;
        for (Map.Entry<String, Integer> gram : grams.entrySet()) {
            float[] logP = logProbabilities.get(gram.getKey());
            if (logP == null) {
                continue;
            }
            known += gram.getValue();
            for (int l = 0; l < codes.length; l++) {
                score[l] += gram.getValue() * logP[l];
            }
        }
        if (known == 0) {
            return new Language(UNDETERMINED, 0);
        }
        int best = 0;
        for (int l = 1; l < codes.length; l++) {
            if (score[l] > score[best]) {
                best = l;
            }
        }
        double sum = 0;
        for (double s : score) {
            sum += Math.exp(s - score[best]);
        }
        return new Language(codes[best], 1 / sum);
    }

    /** The codes of the loaded languages. */
    public static Stream<String> languages() {
        return LANGUAGES.stream();
    }
}
