package org.nslab.progress.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.nslab.courserelease.CurrentRelease;
import org.nslab.courserelease.ReleaseReadiness;
import org.nslab.progress.model.CourseIndex;

/** Not ready until the course of a content release is loaded; then names the release in use. */
@Readiness
@ApplicationScoped
public class ContentReleaseCheck implements HealthCheck {

    private final CurrentRelease<CourseIndex> course;
    private final String contentUrl;

    public ContentReleaseCheck(CurrentRelease<CourseIndex> course, @ConfigProperty(name = "nslab.content.url") String contentUrl) {
        this.course = course;
        this.contentUrl = contentUrl;
    }

    @Override
    public HealthCheckResponse call() {
        return ReleaseReadiness.of(course, contentUrl);
    }
}
