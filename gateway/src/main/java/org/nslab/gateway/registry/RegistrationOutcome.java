package org.nslab.gateway.registry;

import org.eclipse.microprofile.graphql.Description;

@Description("What a registerModule call did.")
public enum RegistrationOutcome {
    @Description("A new module id or a new version was stored")
    REGISTERED,
    @Description("The same version was registered again with a changed manifest or check result")
    UPDATED,
    @Description("Nothing changed (a heartbeat)")
    UNCHANGED,
    @Description("Nothing was stored: the manifest could not be read, or the id belongs to another author")
    REJECTED
}
