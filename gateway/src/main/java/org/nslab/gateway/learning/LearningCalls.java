package org.nslab.gateway.learning;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import org.nslab.contracts.UserError;
import org.nslab.contracts.quiz.QuizTypes.ActorInput;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.gateway.security.Actors;
import org.nslab.gateway.upstream.analytics.AnalyticsApi.ViewerInput;

/** What the learning API classes share: the verified caller as the services expect it, and their user errors. */
final class LearningCalls {

    private LearningCalls() {
    }

    static ActorInput actor(SecurityIdentity identity) {
        Actor actor = Actors.of(identity);
        return new ActorInput(actor.id(), actor.kind(), actor.tenant());
    }

    static ViewerInput viewer(SecurityIdentity identity) {
        Actor actor = Actors.of(identity);
        return new ViewerInput(LearningEventRecorded.keyOf(actor), actor.tenant(), identity.getRoles().stream().sorted().toList());
    }

    static String key(SecurityIdentity identity) {
        return LearningEventRecorded.keyOf(Actors.of(identity));
    }

    static List<UserError> errors(List<UserError> errors) {
        return errors == null ? List.of() : errors.stream()
                .map(e -> new UserError(e.field() == null ? List.of() : e.field(), e.message(), e.code())).toList();
    }
}
