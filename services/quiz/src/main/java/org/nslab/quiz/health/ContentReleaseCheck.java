package org.nslab.quiz.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.nslab.courserelease.CurrentRelease;
import org.nslab.courserelease.ReleaseReadiness;
import org.nslab.quiz.grading.QuestionBank;

/** Not ready until the questions of a content release are loaded; then names the release in use. */
@Readiness
@ApplicationScoped
public class ContentReleaseCheck implements HealthCheck {

    private final CurrentRelease<QuestionBank> questions;
    private final String contentUrl;

    public ContentReleaseCheck(CurrentRelease<QuestionBank> questions, @ConfigProperty(name = "nslab.content.url") String contentUrl) {
        this.questions = questions;
        this.contentUrl = contentUrl;
    }

    @Override
    public HealthCheckResponse call() {
        return ReleaseReadiness.of(questions, contentUrl);
    }
}
