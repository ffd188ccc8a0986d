package org.nslab.gateway.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.GraphQLSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nslab.events.ModuleRegistered;
import org.nslab.gateway.config.RegistryConfig;
import org.nslab.gateway.messaging.ModuleEventPublisher;
import org.nslab.gateway.registry.RegistryViews.CatalogueLevel;
import org.nslab.gateway.registry.RegistryViews.CatalogueModule;
import org.nslab.gateway.registry.RegistryViews.ModuleDiagnostic;
import org.nslab.gateway.registry.RegistryViews.ModuleOperation;
import org.nslab.gateway.registry.RegistryViews.ModuleRelease;
import org.nslab.gateway.registry.RegistryViews.ModuleStage;
import org.nslab.gateway.registry.RegistryViews.RegisteredModule;
import org.nslab.gateway.repository.ModuleEntity;
import org.nslab.gateway.repository.ModuleReleaseEntity;
import org.nslab.gateway.security.ModuleAuthors;
import org.nslab.sdk.manifest.Diagnostic;
import org.nslab.sdk.manifest.Manifests;
import org.nslab.sdk.manifest.ModuleManifest;
import org.nslab.sdk.manifest.SemVer;

/**
 * The module registry: runs the checks on a registration, stores the release (kept but not served when a check
 * found an error), answers the catalogue, applies admin decisions and health, and announces every change.
 * Network work (fetching entries) happens outside transactions; each state change is one short transaction,
 * and events go out after it committed.
 */
@ApplicationScoped
public class ModuleRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModuleChecks checks;
    private final ModuleHosts hosts;
    private final ModuleChecks.Fetcher fetcher;
    private final ModuleEventPublisher events;
    private final RegistryConfig config;
    private final Set<String> firstPartyOwners;
    private final Clock clock;

    public ModuleRegistry(ModuleHosts hosts, ModuleChecks.Fetcher fetcher, Instance<GraphQLSchema> schema,
                          ModuleEventPublisher events, RegistryConfig config, Clock clock) {
        this.checks = new ModuleChecks(SemVer.parse(config.platformVersion()).orElseThrow(
                () -> new IllegalArgumentException("nslab.registry.platform-version is not a semantic version")),
                this::ownerOf, hosts, fetcher, new ClasspathShaders(), new SchemaOperations(schema::get));
        this.hosts = hosts;
        this.fetcher = fetcher;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.firstPartyOwners = config.firstPartyClients().stream().map(c -> ModuleAuthors.CLIENT_PREFIX + c).collect(Collectors.toSet());
    }

    /** Who owns an id: its first registrant, or the first-party client it is reserved for ({@code module-<id>}). */
    public Optional<String> ownerOf(String moduleId) {
        Optional<String> stored = QuarkusTransaction.requiringNew().call(
                () -> ModuleEntity.<ModuleEntity>findByIdOptional(moduleId).map(m -> m.owner));
        if (stored.isPresent()) {
            return stored;
        }
        String reservedFor = ModuleAuthors.CLIENT_PREFIX + "module-" + moduleId;
        return firstPartyOwners.contains(reservedFor) ? Optional.of(reservedFor) : Optional.empty();
    }

    public record Registration(RegistrationOutcome outcome, Optional<ModuleRelease> release, List<ModuleDiagnostic> diagnostics) {
    }

    private record Stored(RegistrationOutcome outcome, ModuleRelease release) {
    }

    public Registration register(String manifestJson, String owner) {
        ModuleChecks.Report report = checks.check(manifestJson, owner);
        List<ModuleDiagnostic> diagnostics = report.diagnostics().stream().map(ModuleRegistry::view).toList();
        if (report.manifest().isEmpty() || report.failed(ModuleChecks.ID_OWNERSHIP)) {
            return new Registration(RegistrationOutcome.REJECTED, Optional.empty(), diagnostics);
        }
        ModuleManifest manifest = report.manifest().get();
        String stored = Manifests.toJson(manifest);
        String diagnosticsJson = write(diagnostics);
        boolean valid = !report.hasErrors();
        Instant now = clock.instant();
        Stored result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> store(manifest, owner, stored, diagnosticsJson, valid, now));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // another registration of the same new id or version committed first: read it again, now under its lock
            result = QuarkusTransaction.requiringNew().call(() -> store(manifest, owner, stored, diagnosticsJson, valid, now));
        }
        if (result.outcome == RegistrationOutcome.REJECTED) {
            List<ModuleDiagnostic> refused = new ArrayList<>(diagnostics);
            refused.add(view(Diagnostic.error(ModuleChecks.ID_OWNERSHIP, "/id", "module id '" + manifest.id()
                    + "' was just registered by another author; choose another id or register with the client that owns it")));
            return new Registration(RegistrationOutcome.REJECTED, Optional.empty(), List.copyOf(refused));
        }
        if (valid && result.outcome != RegistrationOutcome.UNCHANGED) {
            announce(manifest, result.outcome == RegistrationOutcome.REGISTERED
                    ? ModuleRegistered.Status.registered : ModuleRegistered.Status.updated);
        }
        return new Registration(result.outcome, Optional.of(result.release), diagnostics);
    }

    /**
     * Writes a release under the module's row lock, claiming the id for {@code owner} when it is new. The checks ran
     * before, outside the transaction: a first registration of the same id by another author may have committed since,
     * which the lock makes visible here (REJECTED); two first registrations racing make one insert fail (the caller
     * runs this again).
     */
    private Stored store(ModuleManifest manifest, String owner, String stored, String diagnosticsJson, boolean valid, Instant now) {
        ModuleEntity module = ModuleEntity.findById(manifest.id(), LockModeType.PESSIMISTIC_WRITE);
        if (module == null) {
            module = new ModuleEntity();
            module.id = manifest.id();
            module.owner = owner;
            module.claimedAt = now;
            module.persistAndFlush();
        } else if (!module.owner.equals(owner)) {
            return new Stored(RegistrationOutcome.REJECTED, null);
        }
        ModuleReleaseEntity release = ModuleReleaseEntity.findById(new ModuleReleaseEntity.Key(manifest.id(), manifest.version()));
        RegistrationOutcome outcome;
        if (release == null) {
            release = new ModuleReleaseEntity();
            release.key = new ModuleReleaseEntity.Key(manifest.id(), manifest.version());
            release.registeredAt = now;
            outcome = RegistrationOutcome.REGISTERED;
        } else if (release.manifest.equals(stored) && release.diagnostics.equals(diagnosticsJson)) {
            outcome = RegistrationOutcome.UNCHANGED;
        } else {
            outcome = RegistrationOutcome.UPDATED;
        }
        if (outcome != RegistrationOutcome.UNCHANGED) {
            release.manifest = stored;
            release.level = manifest.level();
            release.sortOrder = manifest.order();
            release.valid = valid;
            release.diagnostics = diagnosticsJson;
            release.updatedAt = now;
            release.persist();
        }
        return new Stored(outcome, releaseView(module, release));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The served modules per level (only levels that have one), visible to a caller with these roles. */
    public List<CatalogueLevel> catalogue(Integer level, Collection<String> callerRoles) {
        Map<Integer, List<CatalogueModule>> byLevel = new TreeMap<>();
        for (Served served : served()) {
            ModuleManifest m = served.manifest;
            if ((level != null && m.level() != level)
                    || (!m.roles().isEmpty() && m.roles().stream().noneMatch(callerRoles::contains))) {
                continue;
            }
            byLevel.computeIfAbsent(m.level(), l -> new ArrayList<>()).add(catalogueView(served));
        }
        return byLevel.entrySet().stream()
                .map(e -> new CatalogueLevel(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparingInt(CatalogueModule::order).thenComparing(CatalogueModule::id)).toList()))
                .toList();
    }

    private record Served(ModuleEntity module, ModuleReleaseEntity release, ModuleManifest manifest) {
    }

    /** Every module the catalogue serves now: enabled, healthy, with a valid current release. Two queries in all. */
    private List<Served> served() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, ModuleEntity> modules = ModuleEntity.<ModuleEntity>listAll().stream()
                    .filter(m -> !m.disabled && m.healthy)
                    .collect(Collectors.toMap(m -> m.id, Function.identity()));
            Map<String, List<ModuleReleaseEntity>> releases = ModuleReleaseEntity.<ModuleReleaseEntity>list("valid", true).stream()
                    .collect(Collectors.groupingBy(r -> r.key.moduleId(), LinkedHashMap::new, Collectors.toList()));
            List<Served> served = new ArrayList<>();
            for (ModuleEntity module : modules.values()) {
                current(module, releases.getOrDefault(module.id, List.of()))
                        .ifPresent(r -> served.add(new Served(module, r, Manifests.parse(r.manifest))));
            }
            return served;
        });
    }

    /** The pinned release if valid, else the highest valid version. */
    private static Optional<ModuleReleaseEntity> current(ModuleEntity module, List<ModuleReleaseEntity> releases) {
        List<ModuleReleaseEntity> valid = releases.stream().filter(r -> r.valid).toList();
        if (module.pinnedVersion != null) {
            return valid.stream().filter(r -> r.key.version().equals(module.pinnedVersion)).findFirst();
        }
        return valid.stream().max(Comparator.comparing(r -> SemVer.parse(r.key.version()).orElseThrow()));
    }

    /** Every registered module, or only those of one owner. */
    public List<RegisteredModule> registrations(Optional<String> owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ModuleEntity> modules = owner.isPresent()
                    ? ModuleEntity.list("owner = ?1 order by id", owner.get())
                    : ModuleEntity.list("order by id");
            Map<String, List<ModuleReleaseEntity>> releases = ModuleReleaseEntity.<ModuleReleaseEntity>listAll().stream()
                    .collect(Collectors.groupingBy(r -> r.key.moduleId()));
            return modules.stream().map(m -> registeredView(m, releases.getOrDefault(m.id, List.of()))).toList();
        });
    }

    public Optional<RegisteredModule> registration(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ModuleEntity.<ModuleEntity>findByIdOptional(id)
                .map(m -> registeredView(m, ModuleReleaseEntity.ofModule(id))));
    }

    /** An admin decision: disable (true) or enable (false). Empty when the module does not exist. */
    public Optional<RegisteredModule> setDisabled(String id, boolean disabled) {
        Optional<Boolean> changed = QuarkusTransaction.requiringNew().call(() -> ModuleEntity.<ModuleEntity>findByIdOptional(id).map(m -> {
            boolean change = m.disabled != disabled;
            m.disabled = disabled;
            return change;
        }));
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        if (changed.get()) {
            announceCurrent(id, disabled ? ModuleRegistered.Status.disabled : ModuleRegistered.Status.enabled);
        }
        return registration(id);
    }

    /** Pins a valid version (null unpins). */
    public PinResult pin(String id, String version) {
        PinResult result = QuarkusTransaction.requiringNew().call(() -> {
            ModuleEntity m = ModuleEntity.findById(id);
            if (m == null) {
                return PinResult.NO_MODULE;
            }
            if (version != null) {
                ModuleReleaseEntity r = ModuleReleaseEntity.findById(new ModuleReleaseEntity.Key(id, version));
                if (r == null) return PinResult.NO_VERSION;
                if (!r.valid) return PinResult.INVALID_VERSION;
            }
            m.pinnedVersion = version;
            return PinResult.PINNED;
        });
        if (result == PinResult.PINNED) {
            announceCurrent(id, ModuleRegistered.Status.updated);
        }
        return result;
    }

    public enum PinResult { PINNED, NO_MODULE, NO_VERSION, INVALID_VERSION }

    /** One round of health polling: every enabled module with a current release. */
    public void pollHealth() {
        record Target(String id, String url, boolean healthy) {
        }
        List<Target> targets = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<ModuleReleaseEntity>> releases = ModuleReleaseEntity.<ModuleReleaseEntity>list("valid", true).stream()
                    .collect(Collectors.groupingBy(r -> r.key.moduleId()));
            List<Target> list = new ArrayList<>();
            for (ModuleEntity m : ModuleEntity.<ModuleEntity>list("disabled", false)) {
                current(m, releases.getOrDefault(m.id, List.of()))
                        .ifPresent(r -> list.add(new Target(m.id, Manifests.parse(r.manifest).healthUrl(), m.healthy)));
            }
            return list;
        });
        for (Target target : targets) {
            String problem = hosts.refusal(target.url).orElse(null);
            if (problem == null) {
                try {
                    fetcher.fetch(target.url);
                } catch (java.io.IOException e) {
                    problem = e.getMessage();
                }
            }
            boolean healthy = problem == null;
            String message = problem == null ? null : problem.length() > 500 ? problem.substring(0, 500) : problem;
            Instant now = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> {
                ModuleEntity m = ModuleEntity.findById(target.id);
                if (m != null) {
                    m.healthy = healthy;
                    m.healthMessage = message;
                    m.healthCheckedAt = now;
                }
            });
            if (healthy != target.healthy) {
                announceCurrent(target.id, healthy ? ModuleRegistered.Status.healthy : ModuleRegistered.Status.unhealthy);
            }
        }
    }

    /** The stored manifest of a valid release, for {@code /modules/<id>/<version>/module.json}. */
    public Optional<String> manifest(String id, String version) {
        return QuarkusTransaction.requiringNew().call(() -> ModuleReleaseEntity
                .<ModuleReleaseEntity>findByIdOptional(new ModuleReleaseEntity.Key(id, version))
                .filter(r -> r.valid).map(r -> r.manifest));
    }

    private void announceCurrent(String id, ModuleRegistered.Status status) {
        Optional<ModuleManifest> manifest = QuarkusTransaction.requiringNew().call(() -> {
            ModuleEntity m = ModuleEntity.findById(id);
            List<ModuleReleaseEntity> releases = ModuleReleaseEntity.ofModule(id);
            Optional<ModuleReleaseEntity> current = current(m, releases);
            if (current.isEmpty()) {
                current = releases.stream().filter(r -> r.valid).max(Comparator.comparing(r -> SemVer.parse(r.key.version()).orElseThrow()));
            }
            return current.map(r -> Manifests.parse(r.manifest));
        });
        manifest.ifPresent(m -> announce(m, status));
    }

    private void announce(ModuleManifest manifest, ModuleRegistered.Status status) {
        events.publish(ModuleRegistered.of(manifest.id(), manifest.version(), manifest.level(), status, manifestUrl(manifest),
                manifest.poster() == null ? null : manifest.poster().url(), clock.instant()));
    }

    private String manifestUrl(ModuleManifest m) {
        return config.publicUrl().replaceAll("/$", "") + "/modules/" + m.id() + "/" + m.version() + "/module.json";
    }

    private CatalogueModule catalogueView(Served s) {
        ModuleManifest m = s.manifest;
        return new CatalogueModule(m.id(), m.name(), m.description(), m.version(), m.level(), m.order(), m.entry().url(),
                m.entry().integrity(), !firstPartyOwners.contains(s.module.owner), m.shaders(),
                m.operations().stream().map(o -> new ModuleOperation(o.name(), o.document())).toList(),
                m.stages().stream().map(st -> new ModuleStage(st.id(), st.title(), st.components())).toList(), m.assets(),
                m.poster() == null ? null : m.poster().url(), m.poster() == null ? null : m.poster().alt(), m.author().name(),
                s.release.manifest, manifestUrl(m));
    }

    private RegisteredModule registeredView(ModuleEntity m, List<ModuleReleaseEntity> releases) {
        return new RegisteredModule(m.id, m.owner, m.disabled, m.pinnedVersion, m.healthy, m.healthMessage, m.healthCheckedAt,
                current(m, releases).map(r -> r.key.version()).orElse(null),
                releases.stream().sorted(Comparator.comparing((ModuleReleaseEntity r) -> SemVer.parse(r.key.version()).orElseThrow()).reversed())
                        .map(r -> releaseView(m, r)).toList());
    }

    private static ModuleRelease releaseView(ModuleEntity m, ModuleReleaseEntity r) {
        ModuleStatus status = !r.valid ? ModuleStatus.INVALID : m.disabled ? ModuleStatus.DISABLED
                : !m.healthy ? ModuleStatus.UNHEALTHY : ModuleStatus.ACTIVE;
        return new ModuleRelease(r.key.moduleId(), r.key.version(), r.level, status, read(r.diagnostics), r.registeredAt, r.updatedAt);
    }

    private static ModuleDiagnostic view(Diagnostic d) {
        return new ModuleDiagnostic(d.check(), d.severity().name(), d.pointer(), d.message());
    }

    private static String write(List<ModuleDiagnostic> diagnostics) {
        try {
            return JSON.writeValueAsString(diagnostics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ModuleDiagnostic> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<ModuleDiagnostic>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored diagnostics are not JSON", e);
        }
    }
}
