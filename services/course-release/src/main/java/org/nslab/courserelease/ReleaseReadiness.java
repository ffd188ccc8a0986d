package org.nslab.courserelease;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** The readiness a service reports for its content release: DOWN until a first release is loaded. */
public final class ReleaseReadiness {

    public static final String NAME = "content release";

    private ReleaseReadiness() {
    }

    public static HealthCheckResponse of(CurrentRelease<?> release, String contentUrl) {
        CurrentRelease.Status status = release.status();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).status(status.ready()).withData("contentService", contentUrl);
        if (status.releaseId() != null) {
            builder.withData("releaseId", status.releaseId());
        }
        if (status.lastError() != null) {
            builder.withData("failedAttempts", status.failedAttempts()).withData("lastError", status.lastError());
        }
        return builder.build();
    }
}
