package org.nslab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The real content service for the tests of the services that load the course from it (quiz, progress): its
 * packaged application ({@code services/content/target/quarkus-app}, built by the reactor first) as a separate
 * process on a free port, on the test PostgreSQL, Kafka and Keycloak. It imports the course packed in its jar, or
 * the course files of a folder. {@link #publish(Path, Path)} is how an operator publishes a content change: one
 * more replica starts with other course files, imports them as a new release, makes it the active one (for every
 * replica: they share the database) and announces it on {@code content.release-published.v1}, then stops.
 */
public final class PackagedContent implements AutoCloseable {

    private final PackagedService service;

    private PackagedContent(PackagedService service) {
        this.service = service;
    }

    /**
     * Starts the service (log {@code content.log} under {@code work}) and waits until it is ready: its course imported.
     *
     * @param courseFolder the course files to import; {@code null}: the course packed in the jar
     */
    public static PackagedContent start(Path work, Path courseFolder) {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        if (courseFolder != null) {
            options.add("-Dnslab.content.source-dir=" + courseFolder.toAbsolutePath());
        }
        return new PackagedContent(PackagedService.start("content", "services/content", work, PackagedService.freePort(), options));
    }

    /** Makes the course of {@code courseFolder} ({@code null}: the packed one) the active release, and announces it. */
    public static void publish(Path work, Path courseFolder) {
        start(work, courseFolder).close();
    }

    /**
     * A copy of the repository's course ({@code content/}) in {@code folder}, with some files changed.
     *
     * @param edits file relative to the course root (e.g. {@code quizzes/stages.yaml}) → its new text from the old
     */
    public static Path courseCopy(Path folder, Map<String, UnaryOperator<String>> edits) {
        Path source = TestServers.repositoryRoot().resolve("content");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !source.relativize(f).startsWith("target")).toList()) {
                Path target = folder.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            for (Map.Entry<String, UnaryOperator<String>> edit : edits.entrySet()) {
                Path file = folder.resolve(edit.getKey());
                String before = Files.readString(file, StandardCharsets.UTF_8);
                String after = edit.getValue().apply(before);
                if (after.equals(before)) {
                    throw new IllegalArgumentException("the edit of " + edit.getKey() + " changes nothing");
                }
                Files.writeString(file, after, StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a path. */
    public String url() {
        return service.url();
    }

    @Override
    public void close() {
        service.close();
    }
}
