package org.nslab.quiz.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.nslab.courserelease.CurrentRelease;
import org.nslab.events.ContentReleasePublished;
import org.nslab.events.EventCodec;
import org.nslab.events.InvalidEventException;
import org.nslab.quiz.grading.QuestionBank;

/** Another content release became active: load it (in the background; grading goes on with the one in use meanwhile). */
@ApplicationScoped
public class ContentReleaseConsumer {

    private static final Logger LOG = Logger.getLogger(ContentReleaseConsumer.class);

    private final CurrentRelease<QuestionBank> questions;

    public ContentReleaseConsumer(CurrentRelease<QuestionBank> questions) {
        this.questions = questions;
    }

    @Incoming("content-releases")
    public void onRelease(String payload) {
        try {
            ContentReleasePublished event = EventCodec.decodeContentReleasePublished(payload);
            LOG.debugf("content release %s published", event.releaseId());
            questions.reload();
        } catch (InvalidEventException e) {
            LOG.warnf("skipped a content release event that breaks its contract: %s", e.getMessage());
        }
    }
}
