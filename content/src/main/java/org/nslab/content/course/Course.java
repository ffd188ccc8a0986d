package org.nslab.content.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course as read from its files: one JSON tree whose top-level properties are the files
 * ({@code stations}, {@code quizzes}: a list of files, …), the prose per locale and kind, split into
 * {@code ## id} sections, and the release id, a hash of every byte read.
 *
 * @param document  the merged tree that the schema describes
 * @param files     top-level key (or {@code quizzes/<n>}) → file path, for messages
 * @param prose     locale → kind → id → Markdown of the section (without its heading)
 * @param releaseId the first 16 hex digits of the SHA-256 of every file read, in a fixed order
 */
public record Course(JsonNode document, Map<String, String> files, Map<String, Map<String, Map<String, String>>> prose,
                     String releaseId) {

    public static final String MANIFEST = "course.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SECTION = Pattern.compile("^## ([a-z0-9][a-z0-9-]*)\\s*$", Pattern.MULTILINE);

    /**
     * Reads every file the manifest names.
     *
     * @throws InvalidCourseException when a file is missing or is not valid YAML
     */
    public static Course read(CourseSource source) {
        List<Problem> problems = new ArrayList<>();
        MessageDigest digest = sha256();
        ObjectNode document = YAML.createObjectNode();
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode manifest = parse(source, MANIFEST, digest, problems);
        if (manifest == null) {
            throw new InvalidCourseException(problems);
        }
        document.set("course", manifest);
        files.put("course", MANIFEST);
        JsonNode fileList = manifest.path("files");
        fileList.fields().forEachRemaining(entry -> {
            if (entry.getValue().isArray()) {
                ArrayNode list = document.putArray(entry.getKey());
                int i = 0;
                for (JsonNode path : entry.getValue()) {
                    JsonNode tree = parse(source, path.asText(), digest, problems);
                    list.add(tree == null ? YAML.createObjectNode() : tree);
                    files.put(entry.getKey() + "/" + i++, path.asText());
                }
            } else {
                JsonNode tree = parse(source, entry.getValue().asText(), digest, problems);
                document.set(entry.getKey(), tree == null ? YAML.createObjectNode() : tree);
                files.put(entry.getKey(), entry.getValue().asText());
            }
        });
        Map<String, Map<String, Map<String, String>>> prose = new LinkedHashMap<>();
        String defaultLocale = manifest.path("defaultLocale").asText("en");
        for (JsonNode locale : manifest.path("locales")) {
            Map<String, Map<String, String>> kinds = new LinkedHashMap<>();
            for (JsonNode kind : manifest.path("prose")) {
                String path = prosePath(locale.asText(), kind.asText());
                Optional<byte[]> bytes = source.read(path);
                if (bytes.isEmpty()) {
                    if (locale.asText().equals(defaultLocale)) {
                        problems.add(new Problem(path, "", "missing: every prose kind must exist in the default locale"));
                    }
                    continue;
                }
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes.get());
                kinds.put(kind.asText(), sections(new String(bytes.get(), StandardCharsets.UTF_8)));
            }
            prose.put(locale.asText(), kinds);
        }
        if (!problems.isEmpty()) {
            throw new InvalidCourseException(problems);
        }
        String releaseId = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return new Course(document, files, prose, releaseId);
    }

    public static String prosePath(String locale, String kind) {
        return "locales/" + locale + "/" + kind + ".md";
    }

    public String defaultLocale() {
        return document.path("course").path("defaultLocale").asText("en");
    }

    public List<String> locales() {
        List<String> locales = new ArrayList<>();
        document.path("course").path("locales").forEach(l -> locales.add(l.asText()));
        return locales;
    }

    /** The Markdown of an item's section in a locale, falling back to the default locale. */
    public Optional<String> prose(String kind, String id, String locale) {
        String found = prose.getOrDefault(locale, Map.of()).getOrDefault(kind, Map.of()).get(id);
        if (found == null) {
            found = prose.getOrDefault(defaultLocale(), Map.of()).getOrDefault(kind, Map.of()).get(id);
        }
        return Optional.ofNullable(found);
    }

    /** Every quiz of every quiz file. */
    public List<JsonNode> quizzes() {
        List<JsonNode> all = new ArrayList<>();
        document.path("quizzes").forEach(file -> file.path("quizzes").forEach(all::add));
        return all;
    }

    static Map<String, String> sections(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(markdown);
        String id = null;
        int start = 0;
        while (m.find()) {
            if (id != null) {
                sections.put(id, markdown.substring(start, m.start()).strip());
            }
            id = m.group(1);
            start = m.end();
        }
        if (id != null) {
            sections.put(id, markdown.substring(start).strip());
        }
        return sections;
    }

    private static JsonNode parse(CourseSource source, String path, MessageDigest digest, List<Problem> problems) {
        Optional<byte[]> bytes = source.read(path);
        if (bytes.isEmpty()) {
            problems.add(new Problem(path, "", "missing: " + MANIFEST + " names it"));
            return null;
        }
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        digest.update(bytes.get());
        try {
            JsonNode tree = YAML.readTree(bytes.get());
            if (tree == null || !tree.isObject()) {
                problems.add(new Problem(path, "", "must be a YAML mapping"));
                return null;
            }
            return tree;
        } catch (IOException e) {
            problems.add(new Problem(path, "", "not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
