package org.nslab.content.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nslab.content.course.Course;
import org.nslab.content.repository.ReleaseRepository.ItemRow;
import org.nslab.content.repository.ReleaseRepository.ProseRow;
import org.nslab.content.repository.ReleaseRepository.Release;

/**
 * A course as the rows of one release. The items' quizzes keep only their id, target and size; the
 * questions and their keys are only in {@code document}, the course tree that the quiz service grades
 * against and that only the grader role may read.
 */
public record ReleaseRows(Release release, List<ItemRow> items, List<ProseRow> prose, JsonNode document) {

    /** Prose kind (the Markdown file) → item kinds whose sections it holds. */
    private static final Map<String, String> PROSE_KIND = Map.of(
            "stations", "station", "components", "component", "chapters", "chapter", "experiments", "experiment",
            "paths", "path", "glossary", "term");

    public static ReleaseRows of(Course course) {
        JsonNode doc = course.document();
        List<ItemRow> items = new ArrayList<>();
        add(items, "station", doc.path("stations").path("stations"), null);
        add(items, "branch", doc.path("stations").path("branches"), null);
        int stagePosition = 0;
        for (JsonNode stage : doc.path("stages").path("stages")) {
            ObjectNode data = stage.deepCopy();
            data.remove("components");
            items.add(new ItemRow("stage", stage.path("id").asText(), null, stagePosition++, data));
            int position = 0;
            for (JsonNode component : stage.path("components")) {
                ObjectNode c = component.deepCopy();
                c.put("level", 2);
                items.add(new ItemRow("component", component.path("id").asText(), stage.path("id").asText(), position++, c));
            }
        }
        int position = 0;
        for (JsonNode component : doc.path("components").path("components")) {
            ObjectNode c = component.deepCopy();
            c.put("level", 3);
            items.add(new ItemRow("component", component.path("id").asText(), null, 100 + position++, c));
        }
        add(items, "chapter", doc.path("chapters").path("chapters"), null);
        add(items, "experiment", doc.path("experiments").path("experiments"), null);
        add(items, "path", doc.path("paths").path("paths"), null);
        add(items, "term", doc.path("glossary").path("terms"), null);
        add(items, "source", doc.path("sources").path("sources"), null);
        position = 0;
        for (JsonNode quiz : course.quizzes()) {
            ObjectNode q = quiz.deepCopy();
            q.put("questionCount", quiz.path("questions").size());
            q.remove("questions");
            items.add(new ItemRow("quiz", quiz.path("id").asText(), null, position++, q));
        }

        List<ProseRow> prose = new ArrayList<>();
        course.prose().forEach((locale, kinds) -> kinds.forEach((file, sections) -> sections.forEach((id, markdown) -> {
            String kind = file.equals("stages") ? (isStage(doc, id) ? "stage" : "component") : PROSE_KIND.get(file);
            prose.add(new ProseRow(kind, id, locale, markdown));
        })));
        Release release = new Release(course.releaseId(), null, true, course.defaultLocale(), course.locales());
        return new ReleaseRows(release, items, prose, doc);
    }

    private static boolean isStage(JsonNode doc, String id) {
        for (JsonNode stage : doc.path("stages").path("stages")) {
            if (stage.path("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<ItemRow> items, String kind, JsonNode list, String parent) {
        int position = 0;
        for (JsonNode item : list) {
            items.add(new ItemRow(kind, item.path("id").asText(), parent, position++, item));
        }
    }
}
