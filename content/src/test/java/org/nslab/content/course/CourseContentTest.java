package org.nslab.content.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course in this folder is valid; each kind of mistake fails with the file and the id. */
class CourseContentTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path copy;

    @Test
    void theCourseInThisRepositoryIsValid() {
        Course course = Course.read(CourseSource.directory(ROOT));
        List<Problem> problems = CourseValidator.validate(course);
        assertEquals(List.of(), problems, () -> "fix the content:\n" + String.join("\n", problems.stream().map(Problem::toString).toList()));
        assertEquals(6, course.document().path("stations").path("stations").size());
        assertEquals(5, course.document().path("stages").path("stages").size());
    }

    @Test
    void thePackedCourseIsTheSameReleaseAsTheFolder() {
        assertEquals(Course.read(CourseSource.directory(ROOT)).releaseId(), CourseValidator.readValid(CourseSource.classpath()).releaseId());
    }

    @Test
    void aBrokenReferenceNamesTheFileAndTheId() throws IOException {
        edit("structure/stations.yaml", "next: [evaluation]", "next: [evalution]");
        assertProblem("structure/stations.yaml", "training", "next refers to unknown station 'evalution'");
    }

    @Test
    void aComponentWithoutAQuizNamesTheFileAndTheComponent() throws IOException {
        edit("quizzes/components.yaml", "target: {kind: component, id: feed-forward}", "target: {kind: component, id: attention}");
        assertProblem("structure/components.yaml", "feed-forward", "component 'feed-forward' has no quiz");
    }

    @Test
    void aStageWithoutAQuizNamesTheStage() throws IOException {
        edit("quizzes/stages.yaml", "target: {kind: stage, id: evaluation}", "target: {kind: stage, id: deployment}");
        assertProblem("structure/stages.yaml", "evaluation", "stage 'evaluation' has no quiz");
    }

    @Test
    void aGlossaryTermUsedButNotDefinedNamesTheProseFileAndSection() throws IOException {
        edit("locales/en/components.md", "[[feed-forward]] network works", "[[mlp]] network works");
        assertProblem("locales/en/components.md", "feed-forward", "glossary term 'mlp' is used but not defined");
    }

    @Test
    void anUnknownSourceIsRefused() throws IOException {
        edit("locales/en/stations.md", "[@rae2021]", "[@rae2022]");
        assertProblem("locales/en/stations.md", "data-processing", "source 'rae2022' is used but not defined");
    }

    @Test
    void aSchemaViolationNamesTheFileAndTheItem() throws IOException {
        edit("structure/stations.yaml", "complexity: 5", "complexity: 7");
        assertProblem("structure/stations.yaml", "training", "/stations/stations/3/complexity");
    }

    @Test
    void aDuplicateIdIsRefused() throws IOException {
        edit("quizzes/stages.yaml", "- id: eval-overfit", "- id: data-why-dedup");
        assertProblem("quizzes/stages.yaml", "data-why-dedup", "duplicate question id 'data-why-dedup'");
    }

    @Test
    void anAnswerThatIsNotAChoiceIsRefused() throws IOException {
        edit("quizzes/components.yaml", "answer: [p1, p2, p3]", "answer: [p1, p2, p5]");
        assertProblem("quizzes/components.yaml", "attn-causal", "answer 'p5' is not one of the choices");
    }

    @Test
    void aMissingProseSectionIsRefused() throws IOException {
        edit("locales/en/chapters.md", "## thinking-per-token", "## thinking");
        assertProblem("locales/en/chapters.md", "thinking-per-token", "no '## thinking-per-token' section");
    }

    @Test
    void aPathOutsideItsDurationRangeIsRefused() throws IOException {
        edit("structure/paths.yaml", "- {target: {kind: level, id: \"1\"}, minutes: 8}", "- {target: {kind: level, id: \"1\"}, minutes: 80}");
        assertProblem("structure/paths.yaml", "beginner", "steps add up to 100 minutes");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        copyCourse();
        Files.delete(copy.resolve("glossary.yaml"));
        InvalidCourseException e = assertThrows(InvalidCourseException.class, () -> Course.read(CourseSource.directory(copy)));
        assertTrue(e.getMessage().contains("glossary.yaml: missing"), e.getMessage());
    }

    @Test
    void theReleaseIdChangesWithAnyTextAndOnlyThen() throws IOException {
        copyCourse();
        String before = Course.read(CourseSource.directory(copy)).releaseId();
        assertEquals(before, Course.read(CourseSource.directory(copy)).releaseId());
        edit("locales/en/paths.md", "Half an hour", "Thirty minutes");
        assertNotEquals(before, Course.read(CourseSource.directory(copy)).releaseId());
    }

    @Test
    void proseFallsBackToTheDefaultLocale() throws IOException {
        copyCourse();
        Files.writeString(copy.resolve("course.yaml"), Files.readString(copy.resolve("course.yaml")).replace("locales: [en]", "locales: [en, de]"));
        Files.createDirectories(copy.resolve("locales/de"));
        Files.writeString(copy.resolve("locales/de/paths.md"), "## beginner\nEine halbe Stunde vom Text zum Modell.\n");
        Course course = CourseValidator.readValid(CourseSource.directory(copy));
        assertEquals("Eine halbe Stunde vom Text zum Modell.", course.prose("paths", "beginner", "de").orElseThrow());
        assertTrue(course.prose("paths", "advanced", "de").orElseThrow().startsWith("Four hours or more"));
    }

    private void assertProblem(String file, String id, String messagePart) {
        List<Problem> problems = CourseValidator.validate(Course.read(CourseSource.directory(copy)));
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(file) && p.id().equals(id) && p.message().contains(messagePart)),
                () -> "expected " + file + " [" + id + "] …" + messagePart + "… among " + problems);
    }

    private void edit(String file, String from, String to) throws IOException {
        if (!Files.exists(copy.resolve(Course.MANIFEST))) {
            copyCourse();
        }
        Path path = copy.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), () -> file + " no longer contains '" + from + "': update the test");
        Files.writeString(path, text.replace(from, to));
    }

    private void copyCourse() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Path relative = ROOT.relativize(source);
                if (relative.startsWith("src") || relative.startsWith("target")) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
    }
}
