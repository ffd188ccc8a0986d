package org.nslab.sdk.registration;

import java.util.List;
import org.nslab.sdk.manifest.Diagnostic;

/**
 * The gateway's answer to one registration.
 *
 * @param outcome     {@code REGISTERED} (new id or version), {@code UPDATED} (same version, new manifest),
 *                    {@code UNCHANGED} (heartbeat), {@code REJECTED} (checks failed or the caller may not use the id)
 * @param status      the module's registry status after it: {@code ACTIVE}, {@code INVALID}, {@code UNHEALTHY},
 *                    {@code DISABLED}, or {@code null} when nothing was stored
 * @param diagnostics every check's findings
 * @param userErrors  problems with the request itself, as {@code field: message}
 */
public record RegistrationResult(String outcome, String status, List<Diagnostic> diagnostics, List<String> userErrors) {

    public RegistrationResult {
        diagnostics = List.copyOf(diagnostics);
        userErrors = List.copyOf(userErrors);
    }

    public boolean accepted() {
        return !"REJECTED".equals(outcome) && userErrors.isEmpty();
    }
}
