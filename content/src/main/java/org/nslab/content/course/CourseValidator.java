package org.nslab.content.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a course: first against {@code schema/content.schema.json}, then what a schema cannot say —
 * unique ids, every reference resolves, a quiz for the Journey Map, every stage and every component,
 * every glossary term and source cited in prose exists, every item has its prose in the default
 * locale, answers name existing choices, and each learning path's duration fits its level.
 */
public final class CourseValidator {

    private static final Pattern TERM = Pattern.compile("\\[\\[([^\\]]+)]]");
    private static final Pattern CITATION = Pattern.compile("\\[@([^\\]]+)]");
    private static final Set<String> LEVELS = Set.of("1", "2", "3", "4", "5");
    private static final Schema SCHEMA = loadSchema();

    private final Course course;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Set<String>> ids = new LinkedHashMap<>();

    private CourseValidator(Course course) {
        this.course = course;
    }

    public static List<Problem> validate(Course course) {
        return new CourseValidator(course).run();
    }

    /** Reads and validates; returns the course only when it has no problem. */
    public static Course readValid(CourseSource source) {
        Course course = Course.read(source);
        List<Problem> problems = validate(course);
        if (!problems.isEmpty()) {
            throw new InvalidCourseException(problems);
        }
        return course;
    }

    private List<Problem> run() {
        JsonNode doc = course.document();
        schema(doc);
        if (!problems.isEmpty()) {
            return problems; // the remaining checks assume the shapes the schema guarantees
        }
        collect("station", "stations", doc.path("stations").path("stations"));
        collect("branch", "stations", doc.path("stations").path("branches"));
        collect("stage", "stages", doc.path("stages").path("stages"));
        collect("component", "components", doc.path("components").path("components"));
        doc.path("stages").path("stages").forEach(stage -> collect("component", "stages", stage.path("components")));
        collect("chapter", "chapters", doc.path("chapters").path("chapters"));
        collect("experiment", "experiments", doc.path("experiments").path("experiments"));
        collect("path", "paths", doc.path("paths").path("paths"));
        collect("term", "glossary", doc.path("glossary").path("terms"));
        collect("source", "sources", doc.path("sources").path("sources"));
        for (int i = 0; i < doc.path("quizzes").size(); i++) {
            String key = "quizzes/" + i;
            JsonNode quizzes = doc.path("quizzes").get(i).path("quizzes");
            collect("quiz", key, quizzes);
            quizzes.forEach(quiz -> collect("question", key, quiz.path("questions")));
        }
        references(doc);
        quizCoverage(doc);
        paths(doc);
        prose();
        return problems;
    }

    private void schema(JsonNode doc) {
        SCHEMA.validate(doc).forEach(error -> {
            String pointer = error.getInstanceLocation().toString();
            problems.add(new Problem(fileOfPointer(pointer), idAt(doc, pointer), pointer + ": " + error.getMessage()));
        });
    }

    /** {@code /quizzes/1/quizzes/0/…} → quizzes/stages.yaml; {@code /stations/…} → structure/stations.yaml. */
    private String fileOfPointer(String pointer) {
        String[] parts = pointer.replaceFirst("^/", "").replace("$.", "").split("[/.\\[\\]]+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return Course.MANIFEST;
        }
        if (parts[0].equals("quizzes") && parts.length > 1) {
            return course.files().getOrDefault("quizzes/" + parts[1], "quizzes");
        }
        return course.files().getOrDefault(parts[0], parts[0]);
    }

    /** The id of the innermost item with an id that contains the pointer's location. */
    private static String idAt(JsonNode doc, String pointer) {
        String id = "";
        JsonNode node = doc;
        for (String part : pointer.replaceFirst("^/", "").split("/")) {
            if (part.isEmpty() || node == null) {
                break;
            }
            node = node.isArray() && part.matches("\\d+") ? node.get(Integer.parseInt(part)) : node.get(part);
            if (node != null && node.isObject() && node.path("id").isTextual()) {
                id = node.path("id").asText();
            }
        }
        return id;
    }

    private void collect(String kind, String fileKey, JsonNode items) {
        Set<String> known = ids.computeIfAbsent(kind, k -> new LinkedHashSet<>());
        for (JsonNode item : items) {
            String id = item.path("id").asText();
            if (!known.add(id)) {
                problem(fileKey, id, "duplicate " + kind + " id '" + id + "'");
            }
        }
    }

    private void references(JsonNode doc) {
        for (JsonNode station : doc.path("stations").path("stations")) {
            String id = station.path("id").asText();
            station.path("next").forEach(n -> ref("stations", id, "station", n.asText(), "next"));
            ref("stations", id, "stage", station.path("stage").asText(), "stage");
            station.path("sources").forEach(s -> ref("stations", id, "source", s.asText(), "sources"));
        }
        Set<Integer> orders = new HashSet<>();
        doc.path("stations").path("stations").forEach(s -> {
            if (!orders.add(s.path("order").asInt())) {
                problem("stations", s.path("id").asText(), "order " + s.path("order").asInt() + " is used twice");
            }
        });
        for (JsonNode branch : doc.path("stations").path("branches")) {
            String id = branch.path("id").asText();
            ref("stations", id, "station", branch.path("at").asText(), "at");
            ref("stations", id, "station", branch.path("rejoins").asText(), "rejoins");
            branch.path("options").forEach(o -> o.path("sources").forEach(s -> ref("stations", id, "source", s.asText(), "sources")));
        }
        for (JsonNode stage : doc.path("stages").path("stages")) {
            String id = stage.path("id").asText();
            stage.path("stations").forEach(s -> ref("stages", id, "station", s.asText(), "stations"));
            for (JsonNode component : stage.path("components")) {
                component.path("microscope").forEach(m -> {
                    if (!contains(doc.path("components").path("components"), m.asText())) {
                        problem("stages", component.path("id").asText(), "microscope names unknown Level 3 component '" + m.asText() + "'");
                    }
                });
            }
        }
        doc.path("chapters").path("chapters").forEach(c -> c.path("components")
                .forEach(x -> ref("chapters", c.path("id").asText(), "component", x.asText(), "components")));
        doc.path("experiments").path("experiments").forEach(e -> e.path("components")
                .forEach(x -> ref("experiments", e.path("id").asText(), "component", x.asText(), "components")));
        doc.path("glossary").path("terms").forEach(t -> t.path("sources")
                .forEach(s -> ref("glossary", t.path("id").asText(), "source", s.asText(), "sources")));
        for (int i = 0; i < doc.path("quizzes").size(); i++) {
            String key = "quizzes/" + i;
            for (JsonNode quiz : doc.path("quizzes").get(i).path("quizzes")) {
                target(key, quiz.path("id").asText(), quiz.path("target"));
                quiz.path("questions").forEach(q -> question(key, q));
            }
        }
    }

    private void question(String key, JsonNode q) {
        String id = q.path("id").asText();
        q.path("sources").forEach(s -> ref(key, id, "source", s.asText(), "sources"));
        String type = q.path("type").asText();
        JsonNode options = type.equals("ordering") ? q.path("items") : q.path("choices");
        Set<String> optionIds = new LinkedHashSet<>();
        options.forEach(o -> {
            if (!optionIds.add(o.path("id").asText())) {
                problem(key, id, "option id '" + o.path("id").asText() + "' appears twice");
            }
        });
        switch (type) {
            case "single" -> {
                if (!optionIds.contains(q.path("answer").asText())) {
                    problem(key, id, "answer '" + q.path("answer").asText() + "' is not one of the choices " + optionIds);
                }
            }
            case "multiple" -> q.path("answer").forEach(a -> {
                if (!optionIds.contains(a.asText())) {
                    problem(key, id, "answer '" + a.asText() + "' is not one of the choices " + optionIds);
                }
            });
            case "ordering" -> {
                Set<String> answer = new LinkedHashSet<>();
                q.path("answer").forEach(a -> answer.add(a.asText()));
                if (!answer.equals(optionIds) || answer.size() != q.path("answer").size()) {
                    problem(key, id, "answer must list every item exactly once: " + optionIds);
                }
            }
            default -> {
            }
        }
    }

    private void target(String fileKey, String owner, JsonNode target) {
        String kind = target.path("kind").asText();
        String id = target.path("id").asText();
        if (kind.equals("level")) {
            if (!LEVELS.contains(id)) {
                problem(fileKey, owner, "level '" + id + "' does not exist (1 to 5)");
            }
            return;
        }
        ref(fileKey, owner, kind, id, "target");
    }

    private void quizCoverage(JsonNode doc) {
        Set<String> quizzed = new HashSet<>();
        course.quizzes().forEach(q -> quizzed.add(q.path("target").path("kind").asText() + ":" + q.path("target").path("id").asText()));
        if (!quizzed.contains("level:1")) {
            problem("course", "level-1", "the Journey Map (level 1) has no quiz");
        }
        doc.path("stages").path("stages").forEach(stage -> {
            requireQuiz(quizzed, "stages", "stage", stage.path("id").asText());
            stage.path("components").forEach(c -> requireQuiz(quizzed, "stages", "component", c.path("id").asText()));
        });
        doc.path("components").path("components").forEach(c -> requireQuiz(quizzed, "components", "component", c.path("id").asText()));
    }

    private void requireQuiz(Set<String> quizzed, String fileKey, String kind, String id) {
        if (!quizzed.contains(kind + ":" + id)) {
            problem(fileKey, id, kind + " '" + id + "' has no quiz (add one to a file under quizzes/ with target {kind: " + kind + ", id: " + id + "})");
        }
    }

    private void paths(JsonNode doc) {
        for (JsonNode path : doc.path("paths").path("paths")) {
            String id = path.path("id").asText();
            int total = 0;
            for (JsonNode step : path.path("steps")) {
                target("paths", id, step.path("target"));
                total += step.path("minutes").asInt();
            }
            int min = path.path("targetMinutes").path("min").asInt();
            int max = path.path("targetMinutes").path("max").asInt();
            if (total < min || total > max) {
                problem("paths", id, "steps add up to " + total + " minutes, outside the path's range " + min + "–" + max);
            }
        }
    }

    /** Each prose kind's sections are exactly the items of that kind; terms and citations resolve. */
    private void prose() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("stations", ids("station"));
        Set<String> stages = new LinkedHashSet<>(ids("stage"));
        course.document().path("stages").path("stages").forEach(s -> s.path("components").forEach(c -> stages.add(c.path("id").asText())));
        expected.put("stages", stages);
        expected.put("components", idsOf(course.document().path("components").path("components")));
        expected.put("chapters", ids("chapter"));
        expected.put("experiments", ids("experiment"));
        expected.put("paths", ids("path"));
        expected.put("glossary", ids("term"));
        String defaultLocale = course.defaultLocale();
        course.prose().forEach((locale, kinds) -> kinds.forEach((kind, sections) -> {
            String file = Course.prosePath(locale, kind);
            Set<String> wanted = expected.getOrDefault(kind, Set.of());
            sections.forEach((id, text) -> {
                if (!wanted.contains(id)) {
                    problems.add(new Problem(file, id, "section for an unknown " + kind + " item"));
                }
                if (text.isBlank()) {
                    problems.add(new Problem(file, id, "empty section"));
                }
                scan(file, id, text, TERM, "term", "glossary term");
                scan(file, id, text, CITATION, "source", "source");
            });
            if (locale.equals(defaultLocale)) {
                wanted.stream().filter(id -> !sections.containsKey(id))
                        .forEach(id -> problems.add(new Problem(file, id, "no '## " + id + "' section: every item needs its prose in " + defaultLocale)));
            }
        }));
    }

    private void scan(String file, String id, String text, Pattern pattern, String kind, String what) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!ids(kind).contains(m.group(1))) {
                problems.add(new Problem(file, id, what + " '" + m.group(1) + "' is used but not defined"));
            }
        }
    }

    private void ref(String fileKey, String owner, String kind, String id, String field) {
        if (!ids(kind).contains(id)) {
            problem(fileKey, owner, field + " refers to unknown " + kind + " '" + id + "'");
        }
    }

    private Set<String> ids(String kind) {
        return ids.getOrDefault(kind, Set.of());
    }

    private static Set<String> idsOf(JsonNode items) {
        Set<String> result = new LinkedHashSet<>();
        items.forEach(i -> result.add(i.path("id").asText()));
        return result;
    }

    private static boolean contains(JsonNode items, String id) {
        return idsOf(items).contains(id);
    }

    private void problem(String fileKey, String id, String message) {
        problems.add(new Problem(course.files().getOrDefault(fileKey, fileKey), id, message));
    }

    private static Schema loadSchema() {
        try (InputStream in = CourseValidator.class.getResourceAsStream("/nslab-content/schema/content.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("content.schema.json is not on the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
