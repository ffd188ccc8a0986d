package org.nslab.simulation.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackedCorpusTest {

    @Test
    void documentsSurviveTheRoundTripThroughThePackedForm() throws IOException {
        List<SourceDocument> documents = List.of(
                new SourceDocument("spam-1/1", "spam-assassin", "spam-1", "spam", 1234, List.of("html-stripped", "base64-decoded"), "Grüße €"),
                new SourceDocument("a.java", "code", "java", null, 10, List.of(), ""));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PackedCorpus.write(bytes, documents);
        List<SourceDocument> read = new ArrayList<>();
        assertEquals(2, PackedCorpus.read(new ByteArrayInputStream(bytes.toByteArray()), read::add));
        assertEquals(documents, read);
    }

    @Test
    void theBuildPacksEveryLabelledSpamAssassinMessage() {
        List<SourceDocument> mail = PackedCorpus.load(PackedCorpus.SPAM_ASSASSIN);
        Map<String, Long> labels = mail.stream().collect(Collectors.groupingBy(SourceDocument::label, Collectors.counting()));
        assertEquals(Map.of("spam", 1896L, "ham", 4150L), labels);
        Map<String, Long> folders = mail.stream().collect(Collectors.groupingBy(SourceDocument::category, Collectors.counting()));
        assertEquals(Map.of("spam-1", 500L, "spam-2", 1396L, "easy-ham-1", 2500L, "easy-ham-2", 1400L, "hard-ham-1", 250L), folders);
        assertTrue(mail.stream().noneMatch(d -> d.text().startsWith("Return-Path:") || d.text().startsWith("Received:")
                || d.text().startsWith("Delivered-To:")), "headers are stripped");
        assertTrue(mail.stream().allMatch(d -> d.text().length() < d.rawBytes()), "extraction only removes");
        long html = mail.stream().filter(d -> d.extraction().contains("html-stripped")).count();
        assertTrue(html > 500, "HTML messages: " + html);
    }

    @Test
    void theCodeSourceHoldsThisRepositorysJavaAndGlslButNoDependencies(@TempDir Path repo) throws IOException {
        Files.createDirectories(repo.resolve("svc/src"));
        Files.createDirectories(repo.resolve("svc/node_modules/lib"));
        Files.createDirectories(repo.resolve("svc/target"));
        Files.writeString(repo.resolve("svc/src/A.java"), "class A {}");
        Files.writeString(repo.resolve("svc/src/light.glsl"), "void main() {}");
        Files.writeString(repo.resolve("svc/src/notes.md"), "# notes");
        Files.writeString(repo.resolve("svc/node_modules/lib/index.js"), "module.exports = 1;");
        Files.writeString(repo.resolve("svc/target/B.java"), "class B {}");
        Map<String, SourceDocument> code = CorpusPacker.packCode(repo).stream()
                .collect(Collectors.toMap(SourceDocument::id, Function.identity()));
        assertEquals(List.of("svc/src/A.java", "svc/src/light.glsl"), code.keySet().stream().sorted().toList());
        assertEquals("glsl", code.get("svc/src/light.glsl").category());

        List<SourceDocument> packed = PackedCorpus.load(PackedCorpus.CODE);
        assertTrue(packed.stream().anyMatch(d -> d.id().endsWith("simulation/corpus/CorpusPacker.java")), "packs its own source");
    }
}
