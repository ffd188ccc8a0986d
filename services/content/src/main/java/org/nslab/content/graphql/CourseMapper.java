package org.nslab.content.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.nslab.content.repository.ReleaseRepository.ItemRow;
import org.nslab.content.repository.ReleaseRepository.Release;
import org.nslab.content.service.ReleaseSnapshot;
import org.nslab.contracts.content.ContentTypes.Branch;
import org.nslab.contracts.content.ContentTypes.BranchOption;
import org.nslab.contracts.content.ContentTypes.Chapter;
import org.nslab.contracts.content.ContentTypes.Component;
import org.nslab.contracts.content.ContentTypes.ContentItem;
import org.nslab.contracts.content.ContentTypes.ContentRelease;
import org.nslab.contracts.content.ContentTypes.Course;
import org.nslab.contracts.content.ContentTypes.Experiment;
import org.nslab.contracts.content.ContentTypes.GlossaryTerm;
import org.nslab.contracts.content.ContentTypes.LearningPath;
import org.nslab.contracts.content.ContentTypes.PathStep;
import org.nslab.contracts.content.ContentTypes.Position;
import org.nslab.contracts.content.ContentTypes.QuizRef;
import org.nslab.contracts.content.ContentTypes.Source;
import org.nslab.contracts.content.ContentTypes.Stage;
import org.nslab.contracts.content.ContentTypes.StageComponent;
import org.nslab.contracts.content.ContentTypes.Station;

/** Maps a release snapshot to the GraphQL types in one locale. */
final class CourseMapper {

    private final ReleaseSnapshot snapshot;
    private final String locale;

    CourseMapper(ReleaseSnapshot snapshot, String locale) {
        this.snapshot = snapshot;
        this.locale = locale;
    }

    static ContentRelease release(Release r) {
        return new ContentRelease(r.id(), r.importedAt(), r.active(), r.defaultLocale(), r.locales());
    }

    Course course() {
        return new Course(release(snapshot.release()), locale,
                map("station", this::station), map("branch", this::branch), stages(), components(),
                map("chapter", this::chapter), map("experiment", this::experiment), map("path", this::path),
                map("term", this::term), map("source", row -> source(row.data())), map("quiz", this::quiz));
    }

    ContentItem item(String kind, String id) {
        return snapshot.item(kind, id)
                .map(row -> new ContentItem(kind, id, true, titleOf(row), row.data().has("level") ? row.data().get("level").asInt()
                        : levelOf(kind)))
                .orElse(new ContentItem(kind, id, false, null, null));
    }

    private String titleOf(ItemRow row) {
        JsonNode data = row.data();
        if (data.path("title").isObject()) {
            return text(data.get("title"));
        }
        if (data.path("title").isTextual()) {
            return data.get("title").asText(); // sources carry their title as is
        }
        return data.has("term") ? text(data.get("term")) : row.id();
    }

    private static Integer levelOf(String kind) {
        return switch (kind) {
            case "station" -> 1;
            case "stage" -> 2;
            case "chapter" -> 4;
            case "experiment" -> 5;
            default -> null;
        };
    }

    private <T> List<T> map(String kind, java.util.function.Function<ItemRow, T> mapper) {
        return snapshot.items(kind).stream().map(mapper).toList();
    }

    private Station station(ItemRow row) {
        JsonNode d = row.data();
        JsonNode p = d.path("position");
        return new Station(row.id(), d.path("order").asInt(), text(d.get("title")), d.path("icon").asText(),
                new Position(p.path("x").asDouble(), p.path("y").asDouble(), p.path("z").asDouble()), strings(d.path("next")),
                d.path("stage").asText(), d.path("complexity").asInt(), text(d.get("duration")), text(d.get("cost")),
                prose("station", row.id()), sources(d.path("sources")), null);
    }

    private Branch branch(ItemRow row) {
        JsonNode d = row.data();
        List<BranchOption> options = new ArrayList<>();
        d.path("options").forEach(o -> options.add(new BranchOption(o.path("id").asText(), text(o.get("title")), sources(o.path("sources")))));
        return new Branch(row.id(), d.path("at").asText(), d.path("rejoins").asText(), options);
    }

    private List<Stage> stages() {
        List<ItemRow> components = snapshot.items("component");
        return snapshot.items("stage").stream().map(row -> {
            JsonNode d = row.data();
            List<StageComponent> own = components.stream().filter(c -> row.id().equals(c.parentId()))
                    .map(c -> new StageComponent(c.id(), text(c.data().get("title")), prose("component", c.id()),
                            strings(c.data().path("microscope")), snapshot.quizFor("component", c.id())))
                    .toList();
            return new Stage(row.id(), d.path("order").asInt(), text(d.get("title")), strings(d.path("stations")),
                    prose("stage", row.id()), own, snapshot.quizFor("stage", row.id()));
        }).toList();
    }

    private List<Component> components() {
        return snapshot.items("component").stream().filter(c -> c.parentId() == null).map(c -> {
            JsonNode d = c.data();
            return new Component(c.id(), d.path("order").asInt(), text(d.get("title")), prose("component", c.id()),
                    d.path("simulation").path("query").textValue(), d.path("simulation").path("field").textValue(),
                    snapshot.quizFor("component", c.id()));
        }).toList();
    }

    private Chapter chapter(ItemRow row) {
        JsonNode d = row.data();
        return new Chapter(row.id(), d.path("order").asInt(), text(d.get("title")), d.path("durationSeconds").asInt(),
                strings(d.path("components")), prose("chapter", row.id()));
    }

    private Experiment experiment(ItemRow row) {
        JsonNode d = row.data();
        return new Experiment(row.id(), d.path("order").asInt(), text(d.get("title")), d.path("simulation").path("query").asText(),
                strings(d.path("components")), d.path("estimatedMinutes").asInt(), prose("experiment", row.id()));
    }

    private LearningPath path(ItemRow row) {
        JsonNode d = row.data();
        List<PathStep> steps = new ArrayList<>();
        int total = 0;
        for (JsonNode step : d.path("steps")) {
            steps.add(new PathStep(steps.size(), step.path("target").path("kind").asText(), step.path("target").path("id").asText(),
                    step.path("minutes").asInt()));
            total += step.path("minutes").asInt();
        }
        return new LearningPath(row.id(), text(d.get("title")), prose("path", row.id()), d.path("targetMinutes").path("min").asInt(),
                d.path("targetMinutes").path("max").asInt(), total, steps);
    }

    private GlossaryTerm term(ItemRow row) {
        return new GlossaryTerm(row.id(), text(row.data().get("term")), prose("term", row.id()), sources(row.data().path("sources")));
    }

    private QuizRef quiz(ItemRow row) {
        JsonNode d = row.data();
        return new QuizRef(row.id(), d.path("target").path("kind").asText(), d.path("target").path("id").asText(),
                d.path("questionCount").asInt(), d.path("passScore").asDouble());
    }

    private static Source source(JsonNode d) {
        return new Source(d.path("id").asText(), d.path("title").asText(), d.path("authors").asText(), d.path("year").asInt(),
                d.path("url").asText(), d.path("where").asText());
    }

    private List<Source> sources(JsonNode ids) {
        List<Source> result = new ArrayList<>();
        ids.forEach(id -> snapshot.item("source", id.asText()).ifPresent(row -> result.add(source(row.data()))));
        return result;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    private String text(JsonNode localized) {
        return localized == null ? "" : String.valueOf(snapshot.text(localized, locale));
    }

    private String prose(String kind, String id) {
        String markdown = snapshot.prose(kind, id, locale);
        return markdown == null ? "" : markdown;
    }

    static final java.util.Set<String> KINDS = java.util.Set.of("station", "branch", "stage", "component", "chapter",
            "experiment", "path", "term", "source", "quiz");
}
