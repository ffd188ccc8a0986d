package org.nslab.quiz.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nslab.quiz.grading.Question.ComputeOptimalKey;
import org.nslab.quiz.grading.Question.Key;
import org.nslab.quiz.grading.Question.LargestMinWordsKey;
import org.nslab.quiz.grading.Question.MultipleKey;
import org.nslab.quiz.grading.Question.NumericKey;
import org.nslab.quiz.grading.Question.Option;
import org.nslab.quiz.grading.Question.OrderingKey;
import org.nslab.quiz.grading.Question.SingleKey;

/**
 * Every quiz and question of a content release, by id, built from the release's course document (the
 * tree of {@code content/schema/content.schema.json}, quizzes with their questions) as the content
 * service serves it.
 */
public final class QuestionBank {

    private final String releaseId;
    private final Map<String, Quiz> quizzes = new LinkedHashMap<>();
    private final Map<String, Question> questions = new LinkedHashMap<>();

    private QuestionBank(String releaseId) {
        this.releaseId = releaseId;
    }

    public static QuestionBank of(String releaseId, JsonNode document) {
        QuestionBank bank = new QuestionBank(releaseId);
        Set<String> microscope = new LinkedHashSet<>();
        document.path("components").path("components").forEach(c -> microscope.add(c.path("id").asText()));
        List<JsonNode> quizzes = new ArrayList<>();
        document.path("quizzes").forEach(file -> file.path("quizzes").forEach(quizzes::add));
        for (JsonNode quiz : quizzes) {
            String quizId = quiz.path("id").asText();
            int quizMax = quiz.path("maxAttempts").asInt();
            List<Question> questions = new ArrayList<>();
            for (JsonNode q : quiz.path("questions")) {
                Question question = new Question(q.path("id").asText(), quizId, Question.Type.of(q.path("type").asText()),
                        texts(q.path("prompt")), texts(q.path("explanation")), options(q), q.path("unit").textValue(),
                        q.path("maxAttempts").asInt(quizMax), key(q));
                questions.add(question);
                bank.questions.put(question.id(), question);
            }
            String kind = quiz.path("target").path("kind").asText();
            String target = quiz.path("target").path("id").asText();
            int level = switch (kind) {
                case "level" -> Integer.parseInt(target);
                case "component" -> microscope.contains(target) ? 3 : 2;
                default -> 2;
            };
            bank.quizzes.put(quizId, new Quiz(quizId, kind, target, level, quiz.path("passScore").asDouble(), List.copyOf(questions)));
        }
        return bank;
    }

    public String releaseId() {
        return releaseId;
    }

    public Optional<Quiz> quiz(String id) {
        return Optional.ofNullable(quizzes.get(id));
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    public Collection<Quiz> quizzes() {
        return quizzes.values();
    }

    private static Key key(JsonNode q) {
        JsonNode answer = q.path("answer");
        return switch (Question.Type.of(q.path("type").asText())) {
            case SINGLE -> new SingleKey(answer.asText());
            case MULTIPLE -> {
                Set<String> ids = new LinkedHashSet<>();
                answer.forEach(a -> ids.add(a.asText()));
                yield new MultipleKey(Set.copyOf(ids));
            }
            case NUMERIC -> new NumericKey(answer.asDouble(),
                    q.path("tolerance").has("relative") ? q.path("tolerance").get("relative").asDouble() : null,
                    q.path("tolerance").has("absolute") ? q.path("tolerance").get("absolute").asDouble() : null);
            case ORDERING -> {
                List<String> order = new ArrayList<>();
                answer.forEach(a -> order.add(a.asText()));
                yield new OrderingKey(List.copyOf(order));
            }
            case HANDS_ON -> {
                JsonNode check = q.path("check");
                yield switch (check.path("kind").asText()) {
                    case "compute-optimal-parameters" -> new ComputeOptimalKey(check.path("computeFlops").asDouble(),
                            check.path("method").asText(), check.path("tolerance").asDouble());
                    case "largest-min-words-keeping-category" -> new LargestMinWordsKey(check.path("category").asText(),
                            check.path("tolerance").asDouble());
                    default -> throw new IllegalArgumentException("unknown hands-on check " + check.path("kind").asText());
                };
            }
        };
    }

    private static List<Option> options(JsonNode q) {
        JsonNode list = q.has("items") ? q.get("items") : q.path("choices");
        List<Option> options = new ArrayList<>();
        list.forEach(o -> options.add(new Option(o.path("id").asText(), texts(o.path("text")))));
        return List.copyOf(options);
    }

    private static Map<String, String> texts(JsonNode localized) {
        Map<String, String> texts = new LinkedHashMap<>();
        localized.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        return Map.copyOf(texts);
    }
}
