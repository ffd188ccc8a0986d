package org.nslab.quiz.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A question as a learner sees it before answering: no key, no explanation. Ordering items are served
 * in a fixed scrambled order that is never the answer's order.
 */
public record QuestionView(String id, String type, String prompt, List<OptionView> options, String unit, int maxAttempts) {

    public record OptionView(String id, String text) {
    }

    public static QuestionView of(Question question, String locale) {
        List<Question.Option> options = new ArrayList<>(question.options());
        if (question.key() instanceof Question.OrderingKey key) {
            options.sort(Comparator.comparingInt(o -> (question.id() + "/" + o.id()).hashCode()));
            if (options.stream().map(Question.Option::id).toList().equals(key.order())) {
                options.add(options.remove(0));
            }
        }
        return new QuestionView(question.id(), question.type().name(), text(question.prompt(), locale),
                options.stream().map(o -> new OptionView(o.id(), text(o.text(), locale))).toList(), question.unit(), question.maxAttempts());
    }

    /** The text in the locale, its language, or English. */
    public static String text(Map<String, String> texts, String locale) {
        if (locale != null) {
            if (texts.containsKey(locale)) {
                return texts.get(locale);
            }
            int dash = locale.indexOf('-');
            if (dash > 0 && texts.containsKey(locale.substring(0, dash))) {
                return texts.get(locale.substring(0, dash));
            }
        }
        return texts.get("en");
    }
}
