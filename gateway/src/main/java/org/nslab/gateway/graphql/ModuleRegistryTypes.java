package org.nslab.gateway.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.nslab.contracts.UserError;
import org.nslab.gateway.registry.RegistrationOutcome;
import org.nslab.gateway.registry.RegistryViews.ModuleDiagnostic;
import org.nslab.gateway.registry.RegistryViews.ModuleRelease;
import org.nslab.gateway.registry.RegistryViews.RegisteredModule;

/** Inputs and payloads of the module registry's mutations. */
public final class ModuleRegistryTypes {

    private ModuleRegistryTypes() {
    }

    @Input("RegisterModuleInput")
    public record RegisterModuleInput(
            @NonNull @Description("The module.json document, as JSON text (at most 256 KiB)") String manifest) {
    }

    @Type("RegisterModulePayload")
    public record RegisterModulePayload(
            @NonNull RegistrationOutcome outcome,
            @Description("The stored release; null when REJECTED") ModuleRelease module,
            @NonNull @Description("Every check's findings; errors keep the release out of the catalogue") List<@NonNull ModuleDiagnostic> diagnostics,
            @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("ModuleIdInput")
    public record ModuleIdInput(@NonNull String id) {
    }

    @Input("PinModuleVersionInput")
    public record PinModuleVersionInput(@NonNull String id,
                                        @Description("A valid registered version; null unpins (the highest valid version is served)") String version) {
    }

    @Type("ModuleAdminPayload")
    public record ModuleAdminPayload(RegisteredModule module, @NonNull List<@NonNull UserError> userErrors) {
    }
}
