package org.nslab.progress.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nslab.events.LearningEventRecorded.ObjectType;

/**
 * What the progress service needs to know about the course: which kind and level each item id is,
 * and the learning paths' steps. Built from a content release's course document (the tree that
 * {@code content/schema/content.schema.json} describes) as the content service serves it.
 */
public final class CourseIndex {

    public record Step(String kind, String id, int minutes) {
    }

    public record PathDef(String id, List<Step> steps) {
    }

    private final Map<String, ItemRef> items = new HashMap<>();
    private final List<PathDef> paths = new ArrayList<>();

    public static CourseIndex of(JsonNode doc) {
        CourseIndex index = new CourseIndex();
        doc.path("stations").path("stations").forEach(s -> index.put(new ItemRef("station", s.path("id").asText(), 1)));
        doc.path("stages").path("stages").forEach(s -> {
            index.put(new ItemRef("stage", s.path("id").asText(), 2));
            s.path("components").forEach(c -> index.put(new ItemRef("component", c.path("id").asText(), 2)));
        });
        doc.path("components").path("components").forEach(c -> index.put(new ItemRef("component", c.path("id").asText(), 3)));
        doc.path("chapters").path("chapters").forEach(c -> index.put(new ItemRef("chapter", c.path("id").asText(), 4)));
        doc.path("experiments").path("experiments").forEach(e -> index.put(new ItemRef("experiment", e.path("id").asText(), 5)));
        doc.path("paths").path("paths").forEach(p -> {
            List<Step> steps = new ArrayList<>();
            p.path("steps").forEach(s -> steps.add(new Step(s.path("target").path("kind").asText(), s.path("target").path("id").asText(),
                    s.path("minutes").asInt())));
            index.paths.add(new PathDef(p.path("id").asText(), List.copyOf(steps)));
        });
        return index;
    }

    private void put(ItemRef ref) {
        items.put(ref.kind() + ":" + ref.id(), ref);
    }

    public List<PathDef> paths() {
        return paths;
    }

    public Optional<PathDef> path(String id) {
        return paths.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * What a statement's object is. Object ids may be plain ({@code attention}), prefixed with their kind
     * ({@code component:attention}, {@code path:beginner}) or nested under a level ({@code level:2/training});
     * the last segment names the item, a {@code level:N} prefix or the context gives the level.
     */
    public ItemRef classify(String objectId, ObjectType type, Integer contextLevel) {
        String last = objectId.substring(objectId.lastIndexOf('/') + 1);
        String prefix = last.contains(":") ? last.substring(0, last.indexOf(':')) : null;
        String id = last.contains(":") ? last.substring(last.indexOf(':') + 1) : last;
        Integer level = contextLevel;
        if (level == null && objectId.startsWith("level:")) {
            String digits = objectId.substring(6).split("[/:]")[0];
            level = digits.matches("[1-5]") ? Integer.valueOf(digits) : null;
        }
        if (type == ObjectType.LEVEL || "level".equals(prefix)) {
            return new ItemRef("level", id, id.matches("[1-5]") ? Integer.valueOf(id) : level);
        }
        if ("path".equals(prefix)) {
            return new ItemRef("path", id, level);
        }
        String kind = switch (type) {
            case STAGE -> "stage";
            case COMPONENT -> "component";
            case CHAPTER -> "chapter";
            case EXPERIMENT -> "experiment";
            case QUIZ -> "quiz";
            case QUESTION -> "question";
            default -> prefix;
        };
        if (kind == null) {
            // a view or module: the course says what the id is, stations first
            for (String candidate : List.of("station", "stage", "component", "chapter", "experiment")) {
                if (items.containsKey(candidate + ":" + id)) {
                    kind = candidate;
                    break;
                }
            }
        }
        if (kind == null) {
            return new ItemRef("view", id, level);
        }
        ItemRef known = items.get(kind + ":" + id);
        return new ItemRef(kind, id, known != null ? known.level() : level);
    }
}
