package org.nslab.gateway.learning;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.nslab.events.LearningEventRecorded;
import org.nslab.events.LearningEventRecorded.Actor;
import org.nslab.gateway.graphql.ServiceUnavailableException;
import org.nslab.gateway.graphql.UserError;
import org.nslab.gateway.learning.CourseTypes.ServiceError;
import org.nslab.gateway.learning.LearningClients.ActorInput;
import org.nslab.gateway.learning.LearningClients.ViewerInput;
import org.nslab.gateway.security.Actors;

/** What the learning API classes share: the verified caller as the services expect it, and calls that fail clearly. */
final class LearningCalls {

    private static final Logger LOG = Logger.getLogger(LearningCalls.class);

    private LearningCalls() {
    }

    static ActorInput actor(SecurityIdentity identity) {
        Actor actor = Actors.of(identity);
        return new ActorInput(actor.id(), actor.kind().name(), actor.tenant());
    }

    static ViewerInput viewer(SecurityIdentity identity) {
        Actor actor = Actors.of(identity);
        return new ViewerInput(LearningEventRecorded.keyOf(actor), actor.tenant(), identity.getRoles().stream().sorted().toList());
    }

    static String key(SecurityIdentity identity) {
        return LearningEventRecorded.keyOf(Actors.of(identity));
    }

    /** Calls a service; an unreachable service becomes a clear error instead of a stack trace. */
    static <T> T call(String service, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            LOG.warnf("%s service unavailable: %s", service, e.toString());
            throw new ServiceUnavailableException("The " + service + " service is unavailable right now; try again in a moment.", e);
        }
    }

    static List<UserError> errors(List<ServiceError> errors) {
        return errors == null ? List.of() : errors.stream()
                .map(e -> new UserError(e.field() == null ? List.of() : e.field(), e.message(), e.code())).toList();
    }
}
