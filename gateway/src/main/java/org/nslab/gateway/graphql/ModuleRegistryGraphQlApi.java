package org.nslab.gateway.graphql;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.nslab.contracts.UserError;
import org.nslab.contracts.UserErrorCode;
import org.nslab.gateway.graphql.ModuleRegistryTypes.ModuleAdminPayload;
import org.nslab.gateway.graphql.ModuleRegistryTypes.ModuleIdInput;
import org.nslab.gateway.graphql.ModuleRegistryTypes.PinModuleVersionInput;
import org.nslab.gateway.graphql.ModuleRegistryTypes.RegisterModuleInput;
import org.nslab.gateway.graphql.ModuleRegistryTypes.RegisterModulePayload;
import org.nslab.gateway.registry.ModuleRegistry;
import org.nslab.gateway.registry.RegistryViews.CatalogueLevel;
import org.nslab.gateway.registry.RegistryViews.RegisteredModule;
import org.nslab.gateway.security.ModuleAuthors;

@GraphQLApi
@Blocking
public class ModuleRegistryGraphQlApi {

    private static final String ADMIN = "admin";
    private final ModuleRegistry registry;
    private final SecurityIdentity identity;

    public ModuleRegistryGraphQlApi(ModuleRegistry registry, SecurityIdentity identity) {
        this.registry = registry;
        this.identity = identity;
    }

    @Mutation
    @Description("Registers (or re-registers, as a heartbeat) a module release. The first registration of an id claims it for "
            + "the calling client; nobody else may register it. Runs the named checks; a release with an error is stored with its "
            + "diagnostics but not served.")
    @RolesAllowed("module-author")
    public @NonNull RegisterModulePayload registerModule(@NonNull @Name("input") RegisterModuleInput input) {
        ModuleRegistry.Registration r = registry.register(input.manifest(), ModuleAuthors.ownerOf(identity));
        List<UserError> userErrors = r.diagnostics().stream()
                .filter(d -> d.check().equals("id-ownership") || r.release().isEmpty() && d.severity().equals("ERROR"))
                .limit(20)
                .map(d -> new UserError(List.of("input", "manifest"), d.check() + (d.pointer().isEmpty() ? "" : " " + d.pointer())
                        + ": " + d.message(), d.check().equals("id-ownership") ? UserErrorCode.MODULE_ID_OWNED : UserErrorCode.INVALID_MANIFEST))
                .toList();
        return new RegisterModulePayload(r.outcome(), r.release().orElse(null), r.diagnostics(), userErrors);
    }

    @Query
    @Description("The modules the shell can load, per level (ordered), as the caller may see them; unhealthy, disabled and "
            + "invalid modules are not listed.")
    @PermitAll
    public @NonNull List<@NonNull CatalogueLevel> moduleCatalogue(@Description("Only this level (1-5)") Integer level) {
        Set<String> roles = identity.isAnonymous() ? Set.of("guest") : identity.getRoles();
        return registry.catalogue(level, roles);
    }

    @Query
    @Description("Registered modules with every release and its diagnostics: all of them for admins, one's own for module authors.")
    @RolesAllowed({"admin", "module-author"})
    public @NonNull List<@NonNull RegisteredModule> registeredModules() {
        return registry.registrations(identity.hasRole(ADMIN) ? Optional.empty() : Optional.of(ModuleAuthors.ownerOf(identity)));
    }

    @Mutation
    @Description("Takes a module out of the catalogue until it is enabled again.")
    @RolesAllowed("admin")
    public @NonNull ModuleAdminPayload disableModule(@NonNull @Name("input") ModuleIdInput input) {
        return admin(input.id(), registry.setDisabled(input.id(), true));
    }

    @Mutation
    @Description("Puts a disabled module back into the catalogue.")
    @RolesAllowed("admin")
    public @NonNull ModuleAdminPayload enableModule(@NonNull @Name("input") ModuleIdInput input) {
        return admin(input.id(), registry.setDisabled(input.id(), false));
    }

    @Mutation
    @Description("Serves exactly this version of a module (null version: the highest valid one again).")
    @RolesAllowed("admin")
    public @NonNull ModuleAdminPayload pinModuleVersion(@NonNull @Name("input") PinModuleVersionInput input) {
        ModuleRegistry.PinResult result = registry.pin(input.id(), input.version());
        return switch (result) {
            case PINNED -> new ModuleAdminPayload(registry.registration(input.id()).orElse(null), List.of());
            case NO_MODULE -> noModule(input.id());
            case NO_VERSION -> new ModuleAdminPayload(null, List.of(new UserError(List.of("input", "version"),
                    "module '" + input.id() + "' has no version '" + input.version() + "'", UserErrorCode.NO_SUCH_VERSION)));
            case INVALID_VERSION -> new ModuleAdminPayload(null, List.of(new UserError(List.of("input", "version"),
                    "version '" + input.version() + "' failed its checks and cannot be served", UserErrorCode.INVALID_VERSION)));
        };
    }

    private static ModuleAdminPayload admin(String id, Optional<RegisteredModule> module) {
        return module.map(m -> new ModuleAdminPayload(m, List.of())).orElseGet(() -> noModule(id));
    }

    private static ModuleAdminPayload noModule(String id) {
        return new ModuleAdminPayload(null, List.of(new UserError(List.of("input", "id"), "no module '" + id + "' is registered", UserErrorCode.NO_SUCH_MODULE)));
    }
}
