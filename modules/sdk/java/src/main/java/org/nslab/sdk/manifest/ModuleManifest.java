package org.nslab.sdk.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A module's {@code module.json}, as published by the schema {@code org/nslab/sdk/manifest/module.schema.json}
 * ({@link Manifests#SCHEMA_RESOURCE}). Optional parts are {@code null} or empty. Build one in code, or read one
 * with {@link Manifests#parse(String)}; write it with {@link Manifests#toJson(ModuleManifest)}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ModuleManifest(String id, String name, String description, String version, int level, int order,
                             String platform, Entry entry, String health, List<String> assets, List<String> shaders,
                             List<Operation> operations, List<String> roles, List<Stage> stages,
                             Map<String, Map<String, String>> translations, Author author, Poster poster) {

    public ModuleManifest {
        assets = assets == null ? List.of() : List.copyOf(assets);
        shaders = shaders == null ? List.of() : List.copyOf(shaders);
        operations = operations == null ? List.of() : List.copyOf(operations);
        roles = roles == null ? List.of() : List.copyOf(roles);
        stages = stages == null ? List.of() : List.copyOf(stages);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** The ES module exporting {@code mount(element, host)} / {@code unmount()}, and its SRI hash ({@code sha384-…}). */
    public record Entry(String url, String integrity) {
    }

    /** One named GraphQL operation the module runs through {@code host.graphql(name, variables)}. */
    public record Operation(String name, String document) {
    }

    /** A stage of the module a deep link can open, with its components. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Stage(String id, String title, List<String> components) {
        public Stage {
            components = components == null ? List.of() : List.copyOf(components);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(String name, String email, String url) {
    }

    public record Poster(String url, String alt) {
    }

    /** The same manifest with another entry (for a service that computes its bundle's hash at start). */
    public ModuleManifest withEntry(String url, String integrity) {
        return new ModuleManifest(id, name, description, version, level, order, platform, new Entry(url, integrity), health,
                assets, shaders, operations, roles, stages, translations, author, poster);
    }

    /** The same manifest with another version. */
    public ModuleManifest withVersion(String newVersion) {
        return new ModuleManifest(id, name, description, newVersion, level, order, platform, entry, health,
                assets, shaders, operations, roles, stages, translations, author, poster);
    }

    /** The URL the gateway polls for health: {@link #health()} or else the entry. */
    public String healthUrl() {
        return health != null ? health : entry == null ? null : entry.url();
    }
}
