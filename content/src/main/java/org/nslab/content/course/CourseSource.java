package org.nslab.content.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the course files are read from: the content/ folder of a checkout, or the packed jar. */
@FunctionalInterface
public interface CourseSource {

    /** The bytes of a file given relative to the course root, or empty when there is no such file. */
    Optional<byte[]> read(String relativePath);

    static CourseSource directory(Path root) {
        return relativePath -> {
            Path file = root.resolve(relativePath).normalize();
            if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The course packed by this module's build under {@code nslab-content/}. */
    static CourseSource classpath() {
        return relativePath -> {
            try (InputStream in = CourseSource.class.getResourceAsStream("/nslab-content/" + relativePath)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
