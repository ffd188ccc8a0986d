package org.nslab.gateway.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nslab.sdk.manifest.Diagnostic;
import org.nslab.sdk.manifest.Integrity;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleCheck;
import org.nslab.sdk.manifest.ModuleManifest;
import org.nslab.sdk.manifest.SemVer;

/**
 * Every named check the registry runs on a registration, in order: the SDK's document checks ({@code json},
 * {@code schema}, {@code semver}, {@code platform-range}), then {@code id-ownership}, {@code hosts} (every URL
 * on a configured module host; nothing fetched otherwise), {@code entry} (reachable, matching its integrity
 * hash), {@code shaders} (each exists in {@code shaders/}) and {@code operations} (each a valid, named operation
 * against the gateway's schema). Framework-free: the network, the shader folder and the schema come in as
 * functions.
 */
public final class ModuleChecks {

    // One spelling for the registry, the SDK and the conformance kit: the SDK's ModuleCheck.
    public static final String ID_OWNERSHIP = ModuleCheck.ID_OWNERSHIP.id();
    public static final String HOSTS = ModuleCheck.HOSTS.id();
    public static final String ENTRY = ModuleCheck.ENTRY.id();
    public static final String SHADERS = ModuleCheck.SHADERS.id();
    public static final String OPERATIONS = ModuleCheck.OPERATIONS.id();

    /** Fetches a URL's bytes (GET, no redirects, bounded size); throws with a reason when it cannot. */
    @FunctionalInterface
    public interface Fetcher {
        byte[] fetch(String url) throws IOException;
    }

    /** The problems of one declared operation against the gateway's schema; empty when it is valid. */
    @FunctionalInterface
    public interface OperationValidator {
        List<String> problems(String name, String document);
    }

    /** Who may register an id: the owner of its first registration, or the client it is reserved for. */
    @FunctionalInterface
    public interface Ownership {
        Optional<String> ownerOf(String moduleId);
    }

    /** The result: the manifest when the document could be read, and every finding. */
    public record Report(Optional<ModuleManifest> manifest, List<Diagnostic> diagnostics) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }

        /** Whether a finding of this check is an error. */
        public boolean failed(String check) {
            return diagnostics.stream().anyMatch(d -> d.isError() && d.check().equals(check));
        }
    }

    private final SemVer platformVersion;
    private final Ownership ownership;
    private final ModuleHosts hosts;
    private final Fetcher fetcher;
    private final java.util.function.Predicate<String> shaderExists;
    private final OperationValidator operations;

    public ModuleChecks(SemVer platformVersion, Ownership ownership, ModuleHosts hosts, Fetcher fetcher,
                        java.util.function.Predicate<String> shaderExists, OperationValidator operations) {
        this.platformVersion = platformVersion;
        this.ownership = ownership;
        this.hosts = hosts;
        this.fetcher = fetcher;
        this.shaderExists = shaderExists;
        this.operations = operations;
    }

    /** Runs the checks for a registration by {@code owner}. */
    public Report check(String manifestJson, String owner) {
        Manifests.Checked document = Manifests.check(manifestJson, null);
        List<Diagnostic> diagnostics = new ArrayList<>(document.diagnostics());
        if (document.manifest().isEmpty()) {
            return new Report(Optional.empty(), List.copyOf(diagnostics));
        }
        ModuleManifest manifest = document.manifest().get();
        // The platform range is checked here rather than by the SDK so that a well-formed manifest is kept (not served).
        diagnostics.addAll(Manifests.check(manifestJson, platformVersion).diagnostics().stream()
                .filter(d -> d.check().equals(ModuleCheck.PLATFORM_RANGE.id())).toList());

        Optional<String> currentOwner = ownership.ownerOf(manifest.id());
        if (currentOwner.isPresent() && !currentOwner.get().equals(owner)) {
            diagnostics.add(Diagnostic.error(ID_OWNERSHIP, "/id", "module id '" + manifest.id()
                    + "' belongs to another author; choose another id or register with the client that owns it"));
            return new Report(Optional.of(manifest), List.copyOf(diagnostics));
        }

        boolean hostsOk = checkHosts(manifest, diagnostics);
        if (hostsOk) {
            checkEntry(manifest, diagnostics);
        } else {
            diagnostics.add(Diagnostic.error(ENTRY, "/entry/url", "not fetched: its host is not allowed (see the hosts check)"));
        }
        for (int i = 0; i < manifest.shaders().size(); i++) {
            String shader = manifest.shaders().get(i);
            if (!shaderExists.test(shader)) {
                diagnostics.add(Diagnostic.error(SHADERS, "/shaders/" + i, "shader '" + shader
                        + "' is not in the platform's shaders/ folder; use a shared shader or ship your own with the module's assets"));
            }
        }
        for (int i = 0; i < manifest.operations().size(); i++) {
            ModuleManifest.Operation op = manifest.operations().get(i);
            for (String problem : operations.problems(op.name(), op.document())) {
                diagnostics.add(Diagnostic.error(OPERATIONS, "/operations/" + i + "/document", "operation '" + op.name() + "': " + problem));
            }
        }
        long distinct = manifest.operations().stream().map(ModuleManifest.Operation::name).distinct().count();
        if (distinct != manifest.operations().size()) {
            diagnostics.add(Diagnostic.error(OPERATIONS, "/operations", "operation names must be unique"));
        }
        return new Report(Optional.of(manifest), List.copyOf(diagnostics));
    }

    private boolean checkHosts(ModuleManifest manifest, List<Diagnostic> diagnostics) {
        int before = diagnostics.size();
        refuse(manifest.entry().url(), "/entry/url", diagnostics);
        if (manifest.health() != null) {
            refuse(manifest.health(), "/health", diagnostics);
        }
        for (int i = 0; i < manifest.assets().size(); i++) {
            refuse(manifest.assets().get(i), "/assets/" + i, diagnostics);
        }
        if (manifest.poster() != null) {
            refuse(manifest.poster().url(), "/poster/url", diagnostics);
        }
        return diagnostics.subList(before, diagnostics.size()).stream().noneMatch(d -> d.pointer().equals("/entry/url"));
    }

    private void refuse(String url, String pointer, List<Diagnostic> diagnostics) {
        hosts.refusal(url).ifPresent(reason -> diagnostics.add(Diagnostic.error(HOSTS, pointer, reason)));
    }

    private void checkEntry(ModuleManifest manifest, List<Diagnostic> diagnostics) {
        byte[] body;
        try {
            body = fetcher.fetch(manifest.entry().url());
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(ENTRY, "/entry/url", "the entry could not be loaded: " + e.getMessage()));
            return;
        }
        if (!Integrity.matches(manifest.entry().integrity(), body)) {
            diagnostics.add(Diagnostic.error(ENTRY, "/entry/integrity", "the entry's content (" + body.length + " bytes) has integrity "
                    + Integrity.sha384(body) + ", not the declared one; rebuild the manifest after changing the entry"));
        }
    }
}
