package org.nslab.gateway.registry;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** What the registry answers: GraphQL output types. */
public final class RegistryViews {

    private RegistryViews() {
    }

    @Type("ModuleDiagnostic")
    @Description("The finding of one named check on a manifest.")
    public record ModuleDiagnostic(
            @NonNull @Description("json, schema, semver, platform-range, id-ownership, hosts, entry, shaders, operations") String check,
            @NonNull @Description("ERROR keeps the release out of the catalogue; WARNING does not") String severity,
            @NonNull @Description("JSON Pointer into the manifest, e.g. /entry/integrity; empty for the whole document") String pointer,
            @NonNull String message) {
    }

    @Type("ModuleRelease")
    @Description("One registered version of a module.")
    public record ModuleRelease(@NonNull String id, @NonNull String version, int level, @NonNull ModuleStatus status,
                                @NonNull List<@NonNull ModuleDiagnostic> diagnostics, @NonNull Instant registeredAt,
                                @NonNull Instant updatedAt) {
    }

    @Type("RegisteredModule")
    @Description("A module id in the registry, with all its releases; for its author and admins.")
    public record RegisteredModule(@NonNull String id, @NonNull @Description("client:<id> or user:<subject>") String owner,
                                   boolean disabled, String pinnedVersion, boolean healthy, String healthMessage,
                                   Instant healthCheckedAt, @Description("The release the catalogue serves, if any") String servedVersion,
                                   @NonNull List<@NonNull ModuleRelease> releases) {
    }

    @Type("ModuleOperation")
    public record ModuleOperation(@NonNull String name, @NonNull String document) {
    }

    @Type("ModuleStage")
    public record ModuleStage(@NonNull String id, @NonNull String title, @NonNull List<@NonNull String> components) {
    }

    @Type("CatalogueModule")
    @Description("A module the shell can load: its served release.")
    public record CatalogueModule(
            @NonNull String id, @NonNull String name, String description, @NonNull String version, int level, int order,
            @NonNull @Description("ES module exporting mount(element, host) / unmount()") String entryUrl,
            @NonNull @Description("SRI hash of the entry (sha384-...)") String integrity,
            @Description("true: third-party, runs in a sandboxed iframe behind the host bridge") boolean sandboxed,
            @NonNull List<@NonNull String> shaders, @NonNull List<@NonNull ModuleOperation> operations,
            @NonNull List<@NonNull ModuleStage> stages, @NonNull List<@NonNull String> assets, String posterUrl, String posterAlt,
            @NonNull String authorName, @NonNull @Description("The manifest as stored, as JSON text (translations included)") String manifest,
            @NonNull String manifestUrl) {
    }

    @Type("CatalogueLevel")
    public record CatalogueLevel(@Name("level") int level, @NonNull List<@NonNull CatalogueModule> modules) {
    }
}
