package org.nslab.sdk.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads, writes and checks {@code module.json}. The checks that need nothing but the document run here, so an
 * author gets the same answer locally as from the gateway: {@code schema}, {@code semver}, {@code platform-range}
 * (and, given the platform version, whether the range admits it).
 */
public final class Manifests {

    /** Class-path location of the published JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/org/nslab/sdk/manifest/module.schema.json";
    /** Largest manifest accepted, in bytes of UTF-8. */
    public static final int MAX_BYTES = 256 * 1024;

    /** The document checks' names ({@link ModuleCheck}, kept here for callers that spell them through this class). */
    public static final String CHECK_JSON = ModuleCheck.JSON.id();
    public static final String CHECK_SCHEMA = ModuleCheck.SCHEMA.id();
    public static final String CHECK_SEMVER = ModuleCheck.SEMVER.id();
    public static final String CHECK_PLATFORM_RANGE = ModuleCheck.PLATFORM_RANGE.id();

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Schema SCHEMA = loadSchema();

    private Manifests() {
    }

    /** The outcome of reading a manifest: the model when the document passed every check without errors. */
    public record Checked(Optional<ModuleManifest> manifest, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    /** The schema's text, as published. */
    public static String schema() {
        try (InputStream in = Manifests.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the document checks.
     *
     * @param platformVersion the platform's version, or {@code null} to check only that the range parses
     */
    public static Checked check(String json, SemVer platformVersion) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (json == null || json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            diagnostics.add(Diagnostic.error(CHECK_JSON, "", "the manifest must be present and at most " + MAX_BYTES / 1024 + " KiB"));
            return new Checked(Optional.empty(), diagnostics);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            diagnostics.add(Diagnostic.error(CHECK_JSON, "", "the manifest is not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
            return new Checked(Optional.empty(), diagnostics);
        }
        if (tree == null || !tree.isObject()) {
            diagnostics.add(Diagnostic.error(CHECK_JSON, "", "the manifest must be a JSON object"));
            return new Checked(Optional.empty(), diagnostics);
        }
        SCHEMA.validate(tree).stream()
                .map(e -> Diagnostic.error(CHECK_SCHEMA, e.getInstanceLocation().toString(), e.getMessage()))
                .sorted(Comparator.comparing(Diagnostic::pointer).thenComparing(Diagnostic::message))
                .forEach(diagnostics::add);

        JsonNode version = tree.get("version");
        if (version != null && version.isTextual() && SemVer.parse(version.asText()).isEmpty()) {
            diagnostics.add(Diagnostic.error(CHECK_SEMVER, "/version", "'" + version.asText()
                    + "' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0 or 1.1.0-beta.2; see semver.org)"));
        }
        JsonNode platform = tree.get("platform");
        if (platform != null && platform.isTextual()) {
            try {
                VersionRange range = VersionRange.parse(platform.asText());
                if (platformVersion != null && !range.contains(platformVersion)) {
                    diagnostics.add(Diagnostic.error(CHECK_PLATFORM_RANGE, "/platform", "this platform is version " + platformVersion
                            + ", outside the supported range '" + range + "'; test the module on " + platformVersion
                            + " and widen the range"));
                }
            } catch (IllegalArgumentException e) {
                diagnostics.add(Diagnostic.error(CHECK_PLATFORM_RANGE, "/platform", e.getMessage()
                        + " (use comparators like '>=0.1.0 <1.0.0' or '^0.1')"));
            }
        }
        Optional<ModuleManifest> manifest = Optional.empty();
        if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
            try {
                manifest = Optional.of(MAPPER.treeToValue(tree, ModuleManifest.class));
            } catch (JsonProcessingException e) {
                diagnostics.add(Diagnostic.error(CHECK_SCHEMA, "", e.getOriginalMessage()));
            }
        }
        return new Checked(manifest, List.copyOf(diagnostics));
    }

    /** @throws IllegalArgumentException listing the diagnostics when the manifest has errors */
    public static ModuleManifest parse(String json) {
        Checked checked = check(json, null);
        return checked.manifest().orElseThrow(() -> new IllegalArgumentException("invalid module manifest: "
                + checked.diagnostics().stream().map(d -> d.check() + " " + d.pointer() + ": " + d.message()).toList()));
    }

    public static String toJson(ModuleManifest manifest) {
        try {
            return MAPPER.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    private static Schema loadSchema() {
        try (InputStream in = Manifests.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
