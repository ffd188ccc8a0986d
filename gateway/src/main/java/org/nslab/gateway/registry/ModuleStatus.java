package org.nslab.gateway.registry;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether the catalogue serves a module release, and if not, why.")
public enum ModuleStatus {
    @Description("Served (when it is the module's current release)")
    ACTIVE,
    @Description("A check found an error: kept with its diagnostics, never served")
    INVALID,
    @Description("Its health URL did not answer 2xx at the last poll; back in the catalogue once it does")
    UNHEALTHY,
    @Description("An admin disabled the module")
    DISABLED
}
