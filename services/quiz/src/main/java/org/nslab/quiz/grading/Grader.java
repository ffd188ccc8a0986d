package org.nslab.quiz.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.nslab.quiz.grading.Question.ComputeOptimalKey;
import org.nslab.quiz.grading.Question.LargestMinWordsKey;
import org.nslab.quiz.grading.Question.MultipleKey;
import org.nslab.quiz.grading.Question.NumericKey;
import org.nslab.quiz.grading.Question.OrderingKey;
import org.nslab.quiz.grading.Question.SingleKey;

/** Checks and grades answers; pure except for hands-on questions, which ask {@link SimulationFacts}. */
public final class Grader {

    static final int MAX_MIN_WORDS = 100_000;

    private Grader() {
    }

    /** What is wrong with the response's shape for this question; empty when it can be graded. */
    public static List<AnswerProblem> check(Question question, Response response) {
        List<AnswerProblem> problems = new ArrayList<>();
        String needed = switch (question.type()) {
            case SINGLE -> "choiceId";
            case MULTIPLE -> "choiceIds";
            case NUMERIC, HANDS_ON -> "number";
            case ORDERING -> "order";
        };
        List<String> given = new ArrayList<>();
        if (response.choiceId() != null) {
            given.add("choiceId");
        }
        if (response.choiceIds() != null) {
            given.add("choiceIds");
        }
        if (response.number() != null) {
            given.add("number");
        }
        if (response.order() != null) {
            given.add("order");
        }
        if (!given.equals(List.of(needed))) {
            problems.add(new AnswerProblem(List.of("input", "answer", needed), "a " + typeName(question.type())
                    + " question is answered with answer." + needed + " only" + (given.isEmpty() ? "" : "; got " + given),
                    "WRONG_ANSWER_TYPE"));
            return problems;
        }
        Set<String> options = new HashSet<>();
        question.options().forEach(o -> options.add(o.id()));
        switch (question.type()) {
            case SINGLE -> {
                if (!options.contains(response.choiceId())) {
                    problems.add(unknownChoice(List.of("input", "answer", "choiceId"), response.choiceId(), options));
                }
            }
            case MULTIPLE -> {
                if (response.choiceIds().isEmpty() || response.choiceIds().size() > options.size()) {
                    problems.add(new AnswerProblem(List.of("input", "answer", "choiceIds"),
                            "choose between 1 and " + options.size() + " choices", "INVALID_ANSWER"));
                }
                for (int i = 0; i < response.choiceIds().size(); i++) {
                    if (!options.contains(response.choiceIds().get(i))) {
                        problems.add(unknownChoice(List.of("input", "answer", "choiceIds", String.valueOf(i)), response.choiceIds().get(i), options));
                    }
                }
                if (new HashSet<>(response.choiceIds()).size() != response.choiceIds().size()) {
                    problems.add(new AnswerProblem(List.of("input", "answer", "choiceIds"), "a choice appears twice", "INVALID_ANSWER"));
                }
            }
            case ORDERING -> {
                if (response.order().size() != options.size() || !new HashSet<>(response.order()).equals(options)) {
                    problems.add(new AnswerProblem(List.of("input", "answer", "order"),
                            "order every item exactly once: " + new TreeSet<>(options), "INVALID_ANSWER"));
                }
            }
            case NUMERIC, HANDS_ON -> {
                double n = response.number();
                if (!Double.isFinite(n)) {
                    problems.add(new AnswerProblem(List.of("input", "answer", "number"), "the number must be finite", "INVALID_ANSWER"));
                } else if (question.key() instanceof ComputeOptimalKey && n <= 0) {
                    problems.add(new AnswerProblem(List.of("input", "answer", "number"), "a parameter count must be positive", "INVALID_ANSWER"));
                } else if (question.key() instanceof LargestMinWordsKey && (n < 0 || n > MAX_MIN_WORDS || n != Math.rint(n))) {
                    problems.add(new AnswerProblem(List.of("input", "answer", "number"),
                            "a word count is a whole number between 0 and " + MAX_MIN_WORDS, "INVALID_ANSWER"));
                }
            }
        }
        return problems;
    }

    /** Grades a response that passed {@link #check}. */
    public static Grade grade(Question question, Response response, SimulationFacts simulation) {
        Question.Key key = question.key();
        if (key instanceof SingleKey single) {
            return binary(single.choiceId().equals(response.choiceId()), response.choiceId(), single.choiceId());
        }
        if (key instanceof MultipleKey multiple) {
            return multiple(multiple, response.choiceIds());
        }
        if (key instanceof NumericKey numeric) {
            return binary(numeric.accepts(response.number()), number(response.number()), number(numeric.value()));
        }
        if (key instanceof OrderingKey ordering) {
            return ordering(ordering, response.order());
        }
        if (key instanceof ComputeOptimalKey optimal) {
            double truth = simulation.computeOptimalParameters(optimal.computeFlops(), optimal.method());
            boolean ok = Math.abs(response.number() - truth) <= optimal.tolerance() * truth;
            return binary(ok, number(response.number()), number(truth));
        }
        LargestMinWordsKey minWords = (LargestMinWordsKey) key;
        int answer = (int) Math.round(response.number());
        int above = (int) Math.ceil(answer * (1 + minWords.tolerance()));
        boolean keepsAll = simulation.minWordsKeepsCategory(answer, minWords.category());
        boolean ok = keepsAll && above > answer && !simulation.minWordsKeepsCategory(above, minWords.category());
        return binary(ok, String.valueOf(answer), "the largest minWords that keeps every '" + minWords.category()
                + "' document, within " + Math.round(minWords.tolerance() * 100) + " %");
    }

    private static Grade binary(boolean correct, String response, String expected) {
        return new Grade(correct, correct ? 1 : 0, response, expected);
    }

    /** Partial credit: (right choices − wrong choices) / choices in the key, at least 0. */
    private static Grade multiple(MultipleKey key, List<String> chosen) {
        long right = chosen.stream().filter(key.choiceIds()::contains).count();
        long wrong = chosen.size() - right;
        double score = Math.max(0, (double) (right - wrong) / key.choiceIds().size());
        boolean correct = new HashSet<>(chosen).equals(key.choiceIds());
        return new Grade(correct, correct ? 1 : score, String.join(",", new TreeSet<>(chosen)), String.join(",", new TreeSet<>(key.choiceIds())));
    }

    /** Partial credit: the share of items in their right place. */
    private static Grade ordering(OrderingKey key, List<String> order) {
        int inPlace = 0;
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).equals(key.order().get(i))) {
                inPlace++;
            }
        }
        boolean correct = inPlace == key.order().size();
        return new Grade(correct, (double) inPlace / key.order().size(), String.join(">", order), String.join(">", key.order()));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.6g", value);
    }

    private static AnswerProblem unknownChoice(List<String> field, String id, Set<String> options) {
        return new AnswerProblem(field, "'" + id + "' is not one of the choices " + new TreeSet<>(options), "UNKNOWN_CHOICE");
    }

    private static String typeName(Question.Type type) {
        return type.name().toLowerCase().replace('_', '-');
    }
}
